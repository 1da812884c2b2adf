/**
 * A workbook opened part by part from its ZIP directory, in the order the reading needs: the
 * workbook (sheet names, hidden sheets, 1904 dates), its relationships (which part is which
 * sheet), styles (number formats: which numbers are dates or times) and shared strings, then one
 * sheet at a time, streamed. exceljs's streaming reader takes parts in archive order and reads a
 * sheet stored before the shared strings or styles without them (dates as plain numbers, or the
 * sheet spooled to a temporary file), so we feed its part parsers ourselves; the sheet itself is
 * read by xlsx/sheet-xml.ts.
 *
 * This uses exceljs 4.4.0's WorkbookReader part methods (`_parseWorkbook` and the like), which its
 * public types do not list; the version is pinned exactly in package.json, and the tests read real
 * workbooks through this path, so an upgrade that changes them fails the tests.
 */
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { inflatePart, streamPart } from "./inflate.js";
import { type StreamedRow, sheetXmlRows } from "./sheet-xml.js";
import type { ZipEntry } from "./zip-directory.js";

export interface SheetInfo {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part, e.g. `xl/worksheets/sheet1.xml`; undefined when the workbook lost it. */
  readonly part: ZipEntry | undefined;
}

interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  sharedStrings?: readonly unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  model?: { sheets?: readonly { name?: string; rId?: string; state?: string }[] };
  workbookRels?: readonly { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
}

export interface OpenedWorkbook {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  rows(sheet: SheetInfo): AsyncIterable<StreamedRow>;
}

/** `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

function stateOf(state: string | undefined): SheetInfo["state"] {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** Throws UnreadablePart / ExpandedPastDeclared (from inflate.ts) or exceljs's parse errors. */
export async function openWorkbook(
  exceljs: typeof ExcelJS,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): Promise<OpenedWorkbook | undefined> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookPart = byName.get("xl/workbook.xml");
  if (workbookPart === undefined) return undefined;
  const reader = new exceljs.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as PartParsers;
  const part = (name: string) => {
    const entry = byName.get(name);
    return entry === undefined ? undefined : Readable.from([inflatePart(bytes, entry)]);
  };
  await reader._parseWorkbook(Readable.from([inflatePart(bytes, workbookPart)]));
  const rels = part("xl/_rels/workbook.xml.rels");
  if (rels !== undefined) await reader._parseRels(rels);
  const styles = part("xl/styles.xml");
  if (styles !== undefined) await reader._parseStyles(styles);
  const strings = part("xl/sharedStrings.xml");
  if (strings !== undefined) {
    for await (const _ of reader._parseSharedStrings(strings)) {
      // "cache" mode keeps the strings on the reader and yields nothing.
    }
  }
  const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target ?? ""]));
  const sheets: SheetInfo[] = (reader.model?.sheets ?? []).map((s, i) => {
    const target = s.rId === undefined ? undefined : targets.get(s.rId);
    return {
      name: s.name ?? `Sheet${i + 1}`,
      state: stateOf(s.state),
      part: target === undefined ? undefined : byName.get(partPath(target)),
    };
  });
  const date1904 = reader.properties?.model?.date1904 === true;
  const byStyle = new Map<number, string | undefined>();
  const formats = (style: number) => {
    if (!byStyle.has(style)) byStyle.set(style, reader.styles.getStyleModel(style)?.numFmt);
    return byStyle.get(style);
  };
  return {
    sheets,
    date1904,
    rows(sheet) {
      if (sheet.part === undefined) return (async function* () {})();
      return sheetXmlRows(streamPart(bytes, sheet.part), {
        sharedStrings: reader.sharedStrings ?? [],
        formatOf: formats,
        date1904,
      });
    },
  };
}
