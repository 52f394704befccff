import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvDocument, UTF8_BOM } from "../../src/export/csv.ts";
import { parseCsv } from "./rfc4180.ts";

function body(document: string): string {
  expect(document.startsWith(UTF8_BOM)).toBe(true);
  return document.slice(UTF8_BOM.length);
}

describe("CSV writer (RFC 4180)", () => {
  it("quotes commas, quotes and line breaks, ends every record with CRLF", () => {
    const document = csvDocument([
      ["a", "b,c", 'say "hi"'],
      ["line\nbreak", "cr\rhere", ""],
    ]);
    expect(body(document)).toBe('a,"b,c","say ""hi"""\r\n"line\nbreak","cr\rhere",\r\n');
  });

  it("reads back exactly what it wrote, for any text", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 30 });
    const table = fc
      .integer({ min: 1, max: 6 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 8,
        }),
      )
      // A record of one empty field is an empty line, which RFC 4180 does not tell from none.
      .filter((rows) => rows.every((row) => row.length > 1 || row[0] !== ""));
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(body(csvDocument(rows)))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it("the test reader refuses what RFC 4180 does not allow", () => {
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/unquoted/);
    expect(() => parseCsv('"open\r\n')).toThrow(/unterminated/);
    expect(() => parseCsv("a,b\r\nc\r\n")).toThrow(/fields/);
    expect(() => parseCsv('"a"x\r\n')).toThrow(/after a field/);
    expect(() => parseCsv("a\nb\r\n")).toThrow(/unquoted/);
  });
});
