/** Small fixture files built in the tests: CSV text as bytes, and XLSX workbooks made with exceljs. */
import ExcelJS from "exceljs";

export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
}

export async function xlsxBytes(
  sheets: readonly SheetSpec[],
  options: { date1904?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow([...row]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** UTC instant from calendar fields, month 1-based, for readable expectations. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export const MINUTE = 60_000;
