import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatIssue, InvalidInputError } from "../src/errors.js";
import { readMeasurements } from "../src/input/spreadsheet/measurements.js";
import { numberFromText, parseDateCell } from "../src/input/spreadsheet/parse-cell.js";
import { detectDelimiter, readCsv } from "../src/input/spreadsheet/read-csv.js";
import { openXlsx } from "../src/input/spreadsheet/read-xlsx.js";
import { readSpreadsheetTable } from "../src/input/spreadsheet/read-table.js";
import { columnLetters } from "../src/input/spreadsheet/table.js";
import { checkZipArchive, DEFAULT_ZIP_LIMITS } from "../src/input/spreadsheet/zip-guard.js";

const bytes = (text: string) => new TextEncoder().encode(text);

async function problems(action: () => unknown): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("CSV reading", () => {
  it("reads UTF-8 with a BOM, CRLF, quoted fields with delimiters and line breaks; rows as a spreadsheet numbers them", () => {
    const text =
      '\ufeffaccount,goal,date,value,note\r\nA-1,g,2025-01-31,5,"two\r\nlines, one field"\r\n\r\nA-1,g,2025-02-28,6,\r\n';
    const table = readCsv("m.csv", bytes(text));
    expect(table.header.map((cell) => (cell.kind === "text" ? cell.text : ""))).toEqual([
      "account",
      "goal",
      "date",
      "value",
      "note",
    ]);
    // The quoted field spans two lines but is one row; the empty row 3 is skipped, not renumbered.
    expect(table.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(table.rows[0]!.cells[4]).toEqual({ kind: "text", text: "two\r\nlines, one field" });
  });

  it("detects comma, semicolon and tab delimiters from the header row, ignoring quoted ones", () => {
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter('"a,x";b;c\n')).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("single\n")).toBe(",");
  });

  it("refuses UTF-16, NUL bytes, Latin-1 and a renamed workbook with the fix in the message", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    expect(await problems(() => readCsv("u.csv", utf16))).toEqual([
      "u.csv — file is UTF-16 text; expected UTF-8: save it as CSV UTF-8 (Excel: File → Save As → CSV UTF-8)",
    ]);
    expect((await problems(() => readCsv("n.csv", new Uint8Array([0x61, 0x00, 0x62]))))[0]).toContain(
      "NUL bytes",
    );
    expect((await problems(() => readCsv("l.csv", new Uint8Array([0x61, 0xe9, 0x0a]))))[0]).toContain(
      "not UTF-8 text",
    );
    expect(
      (await problems(() => readCsv("z.csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))))[0],
    ).toContain("zip archive");
  });

  it("reports an unclosed quote at its row", async () => {
    expect(await problems(() => readCsv("q.csv", bytes('a,b\n1,2\n3,"open\n')))).toEqual([
      'q.csv:3:1 — invalid CSV: a quoted field is never closed (a missing ")',
    ]);
  });
});

describe("cell values", () => {
  it("reads numbers with the file's decimal separator and digit grouping, never guessing", () => {
    expect(numberFromText("1234.5", false)).toBe(1234.5);
    expect(numberFromText("1,234.5", false)).toBe(1234.5);
    expect(numberFromText("1,5", false)).toBeUndefined();
    expect(numberFromText("1234,5", true)).toBe(1234.5);
    expect(numberFromText("1.234,5", true)).toBe(1234.5);
    expect(numberFromText("1 234,5", true)).toBe(1234.5);
    expect(numberFromText("1.5", true)).toBeUndefined();
    expect(numberFromText("−12", false)).toBe(-12);
    expect(numberFromText("12%", false)).toBeUndefined();
    expect(numberFromText("", false)).toBeUndefined();
  });

  it("reads dates in the chosen format, ISO dates always, and refuses impossible ones", () => {
    const text = (value: string) => ({ kind: "text" as const, text: value });
    expect(parseDateCell(text("31/03/2025"), "DD/MM/YYYY")).toEqual({ ok: true, value: "2025-03-31" });
    expect(parseDateCell(text("3/31/2025"), "MM/DD/YYYY")).toEqual({ ok: true, value: "2025-03-31" });
    expect(parseDateCell(text("31.3.2025"), "DD.MM.YYYY")).toEqual({ ok: true, value: "2025-03-31" });
    expect(parseDateCell(text("2025-03-31"), "DD.MM.YYYY")).toEqual({ ok: true, value: "2025-03-31" });
    expect(parseDateCell(text("2025-03-31 00:00:00"), "YYYY-MM-DD")).toEqual({
      ok: true,
      value: "2025-03-31",
    });
    expect(parseDateCell(text("31/03/2025"), "MM/DD/YYYY").ok).toBe(false);
    expect(parseDateCell(text("2025-02-29"), "YYYY-MM-DD").ok).toBe(false);
    expect(parseDateCell({ kind: "number", value: 45747 }, "YYYY-MM-DD")).toMatchObject({
      ok: false,
      expected: expect.stringContaining("format the column as dates"),
    });
  });

  it("names columns as a spreadsheet does", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("measurement rows", () => {
  const read = (text: string, decimalComma = false) =>
    readMeasurements(readCsv("m.csv", bytes(text)), { dateFormat: "YYYY-MM-DD", decimalComma });

  it("reports every bad cell at once as file:ROW:COL column — expected", () => {
    const result = read(
      "account,goal,date,value\nA-1,g,2025-01-31,5\n,g,2025-13-01,x\nA-1,,31/01/2025,\nA-1,g,2025-01-31,1,extra\n",
    );
    expect(result.issues.map(formatIssue)).toEqual([
      "m.csv:3:1 account — is empty; expected the account's id (account.id in its file)",
      'm.csv:3:3 date — expected a date written YYYY-MM-DD, got "2025-13-01"',
      'm.csv:3:4 value — expected a number such as 1234.5, got "x"',
      "m.csv:4:2 goal — is empty; expected the goal's id",
      'm.csv:4:3 date — expected a date written YYYY-MM-DD, got "31/01/2025"',
      "m.csv:4:4 value — expected a number such as 1234.5, got an empty cell",
      "m.csv:5:5 — a value in a column without a header; expected the row to fit the header",
    ]);
    expect(result.rows).toBe(4);
  });

  it("finds columns in any order and case, and names a missing one with the header it saw", () => {
    const result = read("Value;Date;ACCOUNT;Goal\n12,5;2025-01-31;A-1;g\n", true);
    expect(result.issues).toEqual([]);
    expect(result.measurements[0]).toMatchObject({
      account: "A-1",
      goal: "g",
      date: "2025-01-31",
      value: 12.5,
    });
    expect(read("account,goal,date\n").issues.map(formatIssue)).toEqual([
      'm.csv:1:1 — missing the column "value"; the header row has: account, goal, date (--map names other headers)',
    ]);
  });

  it("treats hostile header text as an unknown column", () => {
    const result = read("__proto__,constructor,account,goal,date,value\nx,y,A-1,g,2025-01-31,1\n");
    expect(result.issues).toEqual([]);
    expect(result.extra.map((column) => column.name)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

/** A minimal XLSX written by hand, the way Excel stores it: date serials with a date format. */
function handMadeXlsx(options: { date1904: boolean; cells: string }): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="Measurements" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml":
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${options.cells}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>account</t></is></c><c r="B1" t="inlineStr"><is><t>goal</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>';

describe("XLSX reading", () => {
  it("reads date serials in the 1900 and the 1904 date system, and formula cells by their saved result", async () => {
    // 2025-03-31 is serial 45747 in the 1900 system and 44285 in the 1904 system.
    const row = (serial: number) =>
      `<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="B2" t="inlineStr"><is><t>g</t></is></c><c r="C2" s="1"><v>${serial}</v></c><c r="D2"><f>SUM(1,2)</f><v>3</v></c></row>`;
    for (const [date1904, serial] of [
      [false, 45747],
      [true, 44285],
    ] as const) {
      const workbook = await openXlsx(
        "book.xlsx",
        handMadeXlsx({ date1904, cells: HEADER_ROW + row(serial) }),
      );
      const table = workbook.firstTable();
      expect(table.rows[0]!.cells[2]).toEqual({ kind: "date", date: "2025-03-31" });
      expect(table.rows[0]!.cells[3]).toEqual({ kind: "number", value: 3 });
    }
  });

  it("locates a bad cell as book.xlsx:Sheet!C2", async () => {
    const cells =
      HEADER_ROW +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="B2" t="inlineStr"><is><t>g</t></is></c><c r="C2"><v>45747</v></c><c r="D2" t="e"><v>#N/A</v></c></row>';
    const table = await readSpreadsheetTable("book.xlsx", handMadeXlsx({ date1904: false, cells }));
    const result = readMeasurements(table, { dateFormat: "YYYY-MM-DD", decimalComma: false });
    expect(result.issues.map(formatIssue)).toEqual([
      "book.xlsx:Measurements!C2 date — expected a date written YYYY-MM-DD; this cell holds a plain number (format the column as dates), got 45747",
      "book.xlsx:Measurements!D2 value — expected a number such as 1234.5, got the error #N/A",
    ]);
  });

  it("refuses a cell longer than Excel allows, at its cell", async () => {
    const cells = `${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>${"x".repeat(40_000)}</t></is></c></row>`;
    expect(
      await problems(() => readSpreadsheetTable("book.xlsx", handMadeXlsx({ date1904: false, cells }))),
    ).toEqual(["book.xlsx:Measurements!A2 — a text of 40000 characters; expected at most 32767"]);
  });

  it("names the sheets when --sheet names none of them", async () => {
    const book = handMadeXlsx({ date1904: false, cells: HEADER_ROW });
    expect(await problems(() => readSpreadsheetTable("book.xlsx", book, "Data"))).toEqual([
      'book.xlsx — no sheet named "Data"; the workbook has "Measurements"',
    ]);
    expect((await readSpreadsheetTable("book.xlsx", book, "measurements")).sheet).toBe("Measurements");
  });
});

describe("zip bombs and oversized workbooks", () => {
  const zeros = (size: number) => new Uint8Array(size);

  it("refuses a part that expands too far, before any XLSX library reads it", async () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": zeros(4 * 1024 * 1024) }, { level: 6 });
    expect(await problems(() => openXlsx("bomb.xlsx", bomb))).toEqual([
      expect.stringMatching(
        /^bomb\.xlsx — part xl\/worksheets\/sheet1\.xml expands \d+-fold; expected at most 200-fold \(a zip bomb\?\)$/,
      ),
    ]);
  });

  it("refuses a workbook whose parts together expand beyond the limit", async () => {
    const parts = Object.fromEntries(
      Array.from({ length: 4 }, (_, index) => [`xl/part${index}.xml`, zeros(2 * 1024 * 1024)]),
    );
    const archive = zipSync(parts, { level: 0 });
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 6 * 1024 * 1024 };
    expect(await problems(() => checkZipArchive("big.xlsx", archive, limits))).toEqual([
      "big.xlsx — the workbook expands to 8 MB; expected at most 6 MB (too large a workbook, or a zip bomb)",
    ]);
  });

  it("refuses too many parts, and a part that inflates beyond the size its header claims", async () => {
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`p${index}`, strToU8("x")])),
    );
    expect(
      await problems(() => checkZipArchive("many.xlsx", many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })),
    ).toEqual(["many.xlsx — the workbook has 30 parts; expected at most 20"]);
    // Rewrite the central directory's uncompressed size of the only entry to a lie (1 byte).
    const lying = zipSync({ "xl/sheet.xml": strToU8("a".repeat(5000)) });
    const view = new DataView(lying.buffer);
    for (let offset = lying.length - 22; offset >= 0; offset--) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        view.setUint32(offset + 24, 1, true);
        break;
      }
    }
    expect(await problems(() => checkZipArchive("lie.xlsx", lying))).toEqual([
      "lie.xlsx — part xl/sheet.xml expands beyond the size its header states; refusing a zip bomb",
    ]);
  });

  it("says what a non-workbook is", async () => {
    expect(await problems(() => openXlsx("t.xlsx", bytes("account,goal\n".repeat(3))))).toEqual([
      "t.xlsx — file is not an XLSX workbook (not a zip archive); expected .xlsx",
    ]);
    const ole = new Uint8Array(64);
    ole.set([0xd0, 0xcf, 0x11, 0xe0]);
    expect((await problems(() => openXlsx("old.xlsx", ole)))[0]).toContain("old binary .xls workbook");
  });
});
