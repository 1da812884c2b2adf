import { describe, expect, it } from "vitest";
import { heading, list, paragraph, table } from "../../src/drafting/document.js";
import { escapeMarkdown, escapeMrkdwn } from "../../src/drafting/escape.js";
import { renderMarkdown } from "../../src/drafting/render-markdown.js";
import { renderMrkdwn } from "../../src/drafting/render-mrkdwn.js";

const VENDOR = "Acme *Bold* _Ital_ ~Strike~ <@U123> & `code` [x](http://e.vil)";

describe("Markdown escaping", () => {
  it("makes every markup character literal", () => {
    expect(escapeMarkdown(VENDOR)).toBe(
      "Acme \\*Bold\\* \\_Ital\\_ \\~Strike\\~ \\<@U123\\> \\& \\`code\\` \\[x\\](http://e.vil)",
    );
  });

  it("keeps figures readable and escapes block starts only at the start of a line", () => {
    expect(escapeMarkdown("£40,320 a year (3.5%) - net")).toBe("£40,320 a year (3.5%) - net");
    expect(escapeMarkdown("# not a heading\n- not a list\n1. not a list\n> not a quote")).toBe(
      "\\# not a heading\n\\- not a list\n1\\. not a list\n\\> not a quote",
    );
  });

  it("cannot break out of a table cell or a heading", () => {
    const md = renderMarkdown({
      title: VENDOR,
      blocks: [
        heading(2, "Deal | with pipes"),
        table({
          columns: [{ header: "vendor", align: "left" }],
          rows: [[`${VENDOR} | extra\ncell`]],
        }),
      ],
    });
    expect(md).toContain(
      "| Acme \\*Bold\\* \\_Ital\\_ \\~Strike\\~ \\<@U123\\> \\& \\`code\\` \\[x\\](http://e.vil) \\| extra cell |",
    );
    expect(md).toContain("## Deal \\| with pipes");
    expect(md.split("\n")[0]).toBe(`# ${escapeMarkdown(VENDOR)}`);
  });
});

describe("Slack mrkdwn escaping", () => {
  it("uses entities for & < > and lookalikes for * _ ~ `", () => {
    expect(escapeMrkdwn(VENDOR)).toBe(
      "Acme \u2217Bold\u2217 \u02cdItal\u02cd \u223cStrike\u223c &lt;@U123&gt; &amp; \u02cbcode\u02cb [x](http://e.vil)",
    );
  });

  it("leaves no formatting character from user text in the output", () => {
    const out = renderMrkdwn({
      title: "Brief",
      blocks: [
        paragraph(VENDOR, "Vendor:"),
        list([VENDOR]),
        table({ columns: [{ header: "v", align: "left" }], rows: [[`${VENDOR}\`\`\``]] }),
      ],
    });
    // Outside the table's code block only our own markup remains (the bold title and label);
    // inside it Slack does not format, and no backtick from the text can close the block early.
    const [prose = "", code = ""] = out.split("```\n");
    expect(prose.replace(/^\*Brief\*$/m, "").replace("*Vendor:*", "")).not.toMatch(/[*_~`<>]/);
    expect(code.replace(/\n```\n$/, "")).not.toMatch(/[`<>]/);
    expect(out).toContain("&lt;@U123&gt;");
  });
});
