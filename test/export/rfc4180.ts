/**
 * A strict RFC 4180 reader for the tests: records end in CRLF (the last one may not), a field is
 * either plain (no comma, quote, CR or LF) or wholly quoted with inner quotes doubled, and every
 * record has the same number of fields. Anything else throws, naming the offset.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}`);
  };
  const endField = (): "record" | "field" | "end" => {
    if (i === text.length) return "end";
    if (text[i] === ",") {
      i += 1;
      return "field";
    }
    if (text[i] === "\r" && text[i + 1] === "\n") {
      i += 2;
      return "record";
    }
    return fail(`unexpected ${JSON.stringify(text[i])} after a field`);
  };
  while (i < text.length) {
    let value = "";
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail("unterminated quoted field");
        const char = text[i];
        if (char === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += char;
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        const char = text[i];
        if (char === '"' || char === "\n") fail(`${JSON.stringify(char)} in an unquoted field`);
        value += char;
        i += 1;
      }
    }
    record.push(value);
    const next = endField();
    if (next === "field" && i === text.length) record.push("");
    if (next !== "field" || i === text.length) {
      records.push(record);
      record = [];
    }
  }
  const width = records[0]?.length ?? 0;
  records.forEach((row, index) => {
    if (row.length !== width) {
      throw new Error(`CSV: record ${index + 1} has ${row.length} fields, the header ${width}`);
    }
  });
  return records;
}
