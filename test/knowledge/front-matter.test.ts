import { describe, expect, it } from "vitest";
import { parseFrontMatter, splitArticle } from "../../src/knowledge/front-matter.js";

describe("parseFrontMatter", () => {
  it("reads scalars, flow lists with quoted commas, and block lists", () => {
    const r = parseFrontMatter(
      [
        "id: renewal-caps",
        'title: "Renewal caps: the basics"',
        'tags: [cap, "lesser of, greater of", uplift]',
        "sources:",
        "  - contract-course",
        "  - dealdesk # our own arithmetic",
      ].join("\n"),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: "renewal-caps",
        title: "Renewal caps: the basics",
        tags: ["cap", "lesser of, greater of", "uplift"],
        sources: ["contract-course", "dealdesk"],
      },
    });
  });

  it("says which line it could not read", () => {
    const r = parseFrontMatter("id: a\njust words");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toEqual({
      code: "frontmatter.unreadable",
      message: 'line 2: expected "key: value", got "just words"',
    });
  });

  it("rejects a list item with no key and a repeated key", () => {
    const stray = parseFrontMatter("  - cap");
    expect(!stray.ok && stray.issues[0]?.code).toBe("frontmatter.stray_item");
    const repeated = parseFrontMatter("id: a\nid: b");
    expect(!repeated.ok && repeated.issues[0]?.message).toBe("line 2: id is repeated");
  });
});

describe("splitArticle", () => {
  it("separates the fenced header from the body", () => {
    const r = splitArticle("---\nid: x\n---\n\nBody text.\n");
    expect(r).toEqual({ ok: true, value: { fields: { id: "x" }, body: "Body text." } });
  });

  it("rejects a file without a header", () => {
    const r = splitArticle("# Just markdown");
    expect(!r.ok && r.issues[0]?.code).toBe("frontmatter.missing");
  });
});
