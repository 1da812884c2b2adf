/** Workbooks for the XLSX tests, written by exceljs: sheets with number formats and hidden states. */
import ExcelJS from "exceljs";

export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  /** Number format by column (1-based), applied to every data row's cell in that column. */
  readonly formats?: Readonly<Record<number, string>>;
  readonly state?: "visible" | "hidden" | "veryHidden";
}

export async function workbookBytes(
  sheets: readonly Sheet[],
  options: { date1904?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { state: spec.state ?? "visible" });
    spec.rows.forEach((values, i) => {
      const row = sheet.addRow([...values]);
      if (i === 0) return;
      for (const [column, format] of Object.entries(spec.formats ?? {})) {
        row.getCell(Number(column)).numFmt = format;
      }
    });
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
