import { describe, expect, it } from "vitest";
import { extensionOf, nameFromOut } from "../../src/commands/out-name.js";

describe("nameFromOut", () => {
  it("names the file from a path that ends in a file of the right kind", () => {
    expect(nameFromOut("/some/path/acme.docx", "halo-brief.docx")).toBe("acme.docx");
    expect(nameFromOut("C:\\deals\\Acme.DOCX", "halo-brief.docx")).toBe("Acme.DOCX");
    expect(nameFromOut("acme.md", "halo-brief.md")).toBe("acme.md");
  });

  it("keeps the command's own name when the path is a folder or another kind of file", () => {
    expect(nameFromOut("deals/", "halo-brief.docx")).toBe("halo-brief.docx");
    expect(nameFromOut("deals", "halo-brief.docx")).toBe("halo-brief.docx");
    expect(nameFromOut("acme.pdf", "halo-brief.docx")).toBe("halo-brief.docx");
  });
});

describe("extensionOf", () => {
  it("reads the extension, not a leading dot", () => {
    expect(extensionOf("brief.DOCX")).toBe("docx");
    expect(extensionOf(".env")).toBe("");
    expect(extensionOf("reports")).toBe("");
  });
});
