import { describe, expect, it } from "vitest";
import { loadCatalogue, shippedCatalogue } from "../../src/drafting/catalogue.js";
import { positionIds, positionLabel } from "../../src/drafting/template-meta.js";
import { SAMPLE_BODY, sampleMeta, templateDir } from "./fixtures.js";

/** The clause topics the issue requires, each by its template id. */
const REQUIRED = [
  "renewal-cap",
  "price-protection",
  "additional-licences",
  "named-reassignment",
  "concurrent-pool",
  "licence-mix-switch",
  "true-up",
  "reharvesting",
  "unused-licence-credits",
  "fixed-price-implementation",
  "milestone-payments",
  "service-levels",
  "root-cause-report",
  "sla-termination",
  "audit-rights",
  "security-attestations",
  "breach-notification",
  "data-portability",
  "deletion-certificate",
  "transition-assistance",
  "ai-features",
  "environments",
  "data-residency",
  "customisation-ownership",
  "non-human-accounts",
  "deployment-rights",
  "licence-mobility",
  "liability-cap",
  "price-benchmark",
  "auto-renewal-notice",
  "module-price-hold",
  "escrow-insolvency",
];

describe("shipped catalogue", () => {
  it("loads every required clause, each with preferred, at least one fallback and walk-away", () => {
    const c = shippedCatalogue();
    expect([...c.templates.keys()].sort()).toEqual([...REQUIRED].sort());
    for (const t of c.templates.values()) {
      const ids = positionIds(t.meta);
      expect(ids[0]).toBe("preferred");
      expect(ids[1]).toBe("fallback");
      expect(ids.at(-1)).toBe("walk-away");
    }
  });

  it("names positions the way a user types them", () => {
    const meta = shippedCatalogue().templates.get("renewal-cap")?.meta;
    expect(meta && positionIds(meta)).toEqual(["preferred", "fallback", "fallback-2", "walk-away"]);
    expect(meta && positionLabel(meta, "fallback-2")).toBe("fallback 2 of 2");
    const single = shippedCatalogue().templates.get("audit-rights")?.meta;
    expect(single && positionLabel(single, "fallback")).toBe("fallback");
  });
});

describe("loading templates", () => {
  it("loads a valid template", () => {
    const c = loadCatalogue(
      templateDir({ "sample.json": sampleMeta(), "sample.hbs": SAMPLE_BODY }),
    );
    expect(c.ok && [...c.value.templates.keys()]).toEqual(["sample"]);
  });

  it("rejects metadata that is not JSON", () => {
    const c = loadCatalogue(
      templateDir({ "sample.json": "{ id: sample", "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues[0]?.code).toBe("template.invalid");
    expect(!c.ok && c.issues[0]?.message).toMatch(/^sample\.json: /);
  });

  it("rejects metadata missing a walk-away position, naming the field", () => {
    const meta = JSON.parse(sampleMeta());
    delete meta.positions.walkAway;
    const c = loadCatalogue(
      templateDir({ "sample.json": JSON.stringify(meta), "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^sample\.json: positions\.walkAway: /),
    ]);
  });

  it("rejects an id that does not match the file name", () => {
    const c = loadCatalogue(
      templateDir({ "sample.json": sampleMeta({ id: "other" }), "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues[0]?.message).toBe(
      'sample.json: id "other" does not match the file name',
    );
  });

  it("rejects a variable called terms, which the body reserves", () => {
    const meta = JSON.parse(sampleMeta());
    meta.variables.terms = { type: "text", label: "x", default: "y" };
    const c = loadCatalogue(
      templateDir({ "sample.json": JSON.stringify(meta), "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues[0]?.message).toContain("variables may not be called terms");
  });

  it("rejects a helper we do not register (knownHelpersOnly)", () => {
    const c = loadCatalogue(
      templateDir({
        "sample.json": sampleMeta(),
        "sample.hbs": "{{lookup this 'x'}} {{shout terms}}",
      }),
    );
    expect(!c.ok && c.issues[0]?.message).toMatch(/^sample\.hbs: .*shout/);
  });

  it("rejects a name the template uses but does not declare (strict), when defaults allow a trial render", () => {
    const meta = JSON.parse(sampleMeta());
    meta.variables.vendor.default = "Acme";
    const c = loadCatalogue(
      templateDir({
        "sample.json": JSON.stringify(meta),
        "sample.hbs": "{{terms}} {{undeclared}}",
      }),
    );
    expect(!c.ok && c.issues[0]?.message).toMatch(
      /^sample \(preferred\): .*"undeclared" not defined/,
    );
  });

  it("rejects a syntax error in the body", () => {
    const c = loadCatalogue(
      templateDir({ "sample.json": sampleMeta(), "sample.hbs": "{{#if terms}}open" }),
    );
    expect(!c.ok && c.issues[0]?.message).toMatch(/^sample\.hbs: /);
  });
});
