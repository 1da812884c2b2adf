/**
 * How a file is written never changes a figure: the same sessions written with the rows in another
 * order, with another delimiter (, ; tab |) or in another encoding (UTF-8 with or without a BOM,
 * UTF-16LE and UTF-16BE with a BOM, UTF-16LE without one, Windows-1252 for accented names) give the
 * same sessions, people, peak and cheapest split as the canonical file (UTF-8, commas, generated
 * order). Sessions are generated (fast-check, fixed seeds); the expected figures are the canonical
 * file's, and the canonical file is itself checked against the generated sessions.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { highsOnce } from "../../src/cli/context.js";
import { analyseConcurrency } from "../../src/core/concurrency.js";
import { currency, money } from "../../src/core/money.js";
import { optimiseSplit } from "../../src/core/split/optimise.js";
import type { SolveMip } from "../../src/core/split/solver.js";
import type { Session } from "../../src/core/usage.js";
import { readRosterFile } from "../../src/roster/read-file.js";

const GBP = currency("GBP");
const MINUTE = 60_000;
/** Monday 7 Sep 2026 00:00 UTC: generated sessions fall in the week after it. */
const WEEK_START = Date.UTC(2026, 8, 7);

/** Names with accents Windows-1252 can write (é ë ç ü ø ñ), each a different person. */
const NAMES = ["José", "Zoë", "Françoise", "Müller", "Bjørn", "Nuñez", "ann", "bob", "cat", "dan"];

interface Generated {
  readonly user: string;
  readonly start: number;
  readonly minutes: number;
}

/** Up to 24 sessions of up to 10 people, on 15-minute steps, 15 min to 8 h long. */
const sessionsArb = fc.array(
  fc.record({
    user: fc.constantFrom(...NAMES),
    start: fc.integer({ min: 0, max: 7 * 24 * 4 - 1 }).map((q) => WEEK_START + q * 15 * MINUTE),
    minutes: fc.integer({ min: 1, max: 32 }).map((q) => q * 15),
  }),
  { minLength: 1, maxLength: 24 },
);

/** `2026-09-07 09:15`: a plain date-time with no zone (read as UTC), no delimiter in it. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

function csvText(rows: readonly Generated[], delimiter: string): string {
  const lines = [["Agent", "Login Time", "Logout Time"].join(delimiter)];
  for (const r of rows) {
    lines.push([r.user, stamp(r.start), stamp(r.start + r.minutes * MINUTE)].join(delimiter));
  }
  return `${lines.join("\r\n")}\r\n`;
}

type Encoding = "utf8" | "utf8-bom" | "utf16le-bom" | "utf16be-bom" | "utf16le" | "windows-1252";
const ENCODINGS: readonly Encoding[] = [
  "utf8",
  "utf8-bom",
  "utf16le-bom",
  "utf16be-bom",
  "utf16le",
  "windows-1252",
];

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf8":
      return new Uint8Array(Buffer.from(text, "utf8"));
    case "utf8-bom":
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf8"));
    case "utf16le-bom":
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le"));
    case "utf16le":
      return new Uint8Array(Buffer.from(text, "utf16le"));
    case "utf16be-bom":
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le").swap16());
    case "windows-1252":
      // Every name above is in Latin-1's upper half, where Windows-1252 has the same letters.
      return new Uint8Array(Buffer.from(text, "latin1"));
  }
}

/** The figures a reply is made of. */
interface Figures {
  readonly rows: number;
  readonly sessions: number;
  readonly users: number;
  /** Every session as `user start end`, sorted: the same sessions, whatever the file's order. */
  readonly sessionList: readonly string[];
  readonly peak: number;
  readonly optimum: {
    readonly cost: number;
    readonly named: readonly string[];
    readonly pool: number;
  };
  readonly provenOptimal: boolean;
}

let solve: SolveMip;
beforeAll(async () => {
  solve = await highsOnce();
});

async function figures(bytes: Uint8Array, name: string): Promise<Figures> {
  const read = await readRosterFile(bytes, name);
  if (!read.ok) throw new Error(`${name}: ${JSON.stringify(read.issues)}`);
  const sessions: readonly Session[] = read.value.sessions ?? [];
  const peak = analyseConcurrency(sessions);
  if (!peak.ok) throw new Error(JSON.stringify(peak.issues));
  const split = optimiseSplit(
    sessions,
    { namedRate: money(84_000, GBP), concurrentRate: money(168_000, GBP) },
    solve,
  );
  if (!split.ok) throw new Error(JSON.stringify(split.issues));
  const o = split.value.optimum;
  return {
    rows: read.value.summary.rows,
    sessions: read.value.summary.sessions,
    users: read.value.summary.users,
    sessionList: sessions.map((s) => `${s.user} ${s.start} ${s.end}`).sort(),
    peak: peak.value.peak,
    optimum: { cost: o.cost.minor, named: o.named, pool: o.pool },
    provenOptimal: split.value.provenOptimal,
  };
}

/** A seeded Fisher–Yates shuffle, so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What the canonical file must read as: one key per person (lower case), exact rows. */
function expectedBasics(rows: readonly Generated[]) {
  return {
    rows: rows.length,
    users: new Set(rows.map((r) => r.user.toLowerCase())).size,
  };
}

const RUNS = { numRuns: 12, seed: 20_261_202 };

describe("the way a file is written never changes a figure", () => {
  it("shuffled rows give the same sessions, people, peak and split", async () => {
    await fc.assert(
      fc.asyncProperty(
        sessionsArb,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (rows, seed) => {
          const canonical = await figures(encode(csvText(rows, ","), "utf8"), "sessions.csv");
          expect(canonical).toMatchObject(expectedBasics(rows));
          const again = await figures(
            encode(csvText(shuffled(rows, seed), ","), "utf8"),
            "sessions.csv",
          );
          expect(again).toEqual(canonical);
        },
      ),
      RUNS,
    );
  });

  it("a comma, semicolon, tab or pipe between the columns gives the same figures", async () => {
    await fc.assert(
      fc.asyncProperty(sessionsArb, async (rows) => {
        const canonical = await figures(encode(csvText(rows, ","), "utf8"), "sessions.csv");
        for (const delimiter of [";", "\t", "|"]) {
          const other = await figures(encode(csvText(rows, delimiter), "utf8"), "sessions.csv");
          expect(other, JSON.stringify(delimiter)).toEqual(canonical);
        }
      }),
      { ...RUNS, seed: RUNS.seed + 1 },
    );
  });

  it("UTF-8 with or without a BOM, UTF-16 (LE, BE, no BOM) and Windows-1252 give the same figures", async () => {
    await fc.assert(
      fc.asyncProperty(sessionsArb, async (rows) => {
        const text = csvText(rows, ",");
        const canonical = await figures(encode(text, "utf8"), "sessions.csv");
        for (const encoding of ENCODINGS.slice(1)) {
          const other = await figures(encode(text, encoding), "sessions.csv");
          expect(other, encoding).toEqual(canonical);
        }
      }),
      { ...RUNS, seed: RUNS.seed + 2 },
    );
  });

  it("all three at once: a shuffled, semicolon-separated UTF-16BE file", async () => {
    await fc.assert(
      fc.asyncProperty(
        sessionsArb,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (rows, seed) => {
          const canonical = await figures(encode(csvText(rows, ","), "utf8"), "sessions.csv");
          const other = await figures(
            encode(csvText(shuffled(rows, seed), ";"), "utf16be-bom"),
            "sessions.csv",
          );
          expect(other).toEqual(canonical);
        },
      ),
      { ...RUNS, seed: RUNS.seed + 3 },
    );
  });

  /*
   * A hand-checked case so the property is not comparing two wrong answers: José 09:00–17:00 and
   * Zoë 09:00–10:00 overlap, Müller 12:00–13:00 overlaps José only. Peak 2. At £70/£140 a month
   * (£840/£1,680 a year): name José (on at both busy times), pool 1 for Zoë and Müller (never
   * together): £840 + £1,680 = £2,520; naming all three is also £2,520, pooling all needs 2
   * (£3,360). The optimum is £2,520.
   */
  it("reads the hand-checked file the same in Windows-1252 as in UTF-8", async () => {
    const rows: Generated[] = [
      { user: "José", start: WEEK_START + 9 * 60 * MINUTE, minutes: 480 },
      { user: "Zoë", start: WEEK_START + 9 * 60 * MINUTE, minutes: 60 },
      { user: "Müller", start: WEEK_START + 12 * 60 * MINUTE, minutes: 60 },
    ];
    for (const encoding of ENCODINGS) {
      const f = await figures(encode(csvText(rows, ";"), encoding), "sessions.csv");
      expect(f, encoding).toMatchObject({ rows: 3, sessions: 3, users: 3, peak: 2 });
      expect(f.optimum.cost, encoding).toBe(252_000);
      expect(f.sessionList[0], encoding).toBe(
        `josé ${WEEK_START + 9 * 60 * MINUTE} ${WEEK_START + 17 * 60 * MINUTE}`,
      );
    }
  });
});
