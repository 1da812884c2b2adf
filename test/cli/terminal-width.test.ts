import { describe, expect, it } from "vitest";
import {
  DEFAULT_TERMINAL_WIDTH,
  terminalWidth,
  terminalWidths,
} from "../../src/cli/terminal-width.js";

describe("terminalWidth", () => {
  it("uses the width a terminal reports", () => {
    expect(terminalWidth({ isTTY: true, columns: 132 })).toBe(132);
  });

  it("is 80 when output is piped or the width is unknown", () => {
    expect(DEFAULT_TERMINAL_WIDTH).toBe(80);
    expect(terminalWidth({ columns: 132 })).toBe(80);
    expect(terminalWidth({ isTTY: true })).toBe(80);
    expect(terminalWidth({ isTTY: true, columns: 0 })).toBe(80);
  });

  it("wraps errors only when a person reads stderr", () => {
    expect(terminalWidths({ isTTY: true, columns: 100 }, {})).toEqual({ reply: 100 });
    expect(terminalWidths({}, { isTTY: true, columns: 70 })).toEqual({ reply: 80, errors: 70 });
  });
});
