/**
 * CSV as RFC 4180 writes it, for spreadsheets: CRLF between records, a field quoted when it holds
 * a comma, a double quote, CR or LF (quotes doubled inside), and a UTF-8 byte order mark first so
 * Excel reads the text as UTF-8 rather than the local code page.
 */

export const UTF8_BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** The whole document: BOM, then every record followed by CRLF. */
export function csvDocument(records: readonly (readonly string[])[]): string {
  return UTF8_BOM + records.map((record) => `${csvRecord(record)}\r\n`).join("");
}
