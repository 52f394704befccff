/**
 * A log line for a person at a terminal: time, level and message, then the other fields as
 * key=value and an error's stack below. Built in so a production install needs no pino-pretty.
 */

const LEVEL_NAMES: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const LEVEL_COLOURS: Record<number, string> = { 40: "\x1b[33m", 50: "\x1b[31m", 60: "\x1b[41m" };
const OMITTED = new Set(["level", "time", "msg", "pid", "hostname", "err"]);

function value(field: unknown): string {
  if (typeof field === "string") return /[\s"=]/.test(field) ? JSON.stringify(field) : field;
  return JSON.stringify(field) ?? String(field);
}

/** One JSON log line (as pino writes it) → a readable line; anything else is passed through. */
export function prettyLogLine(line: string, colour: boolean): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  if (typeof entry !== "object" || entry === null) return `${line}\n`;
  const record = entry as Record<string, unknown>;
  const level = typeof record.level === "number" ? record.level : 30;
  const time = typeof record.time === "number" ? new Date(record.time) : new Date();
  const clock = time.toISOString().slice(11, 23);
  let name = (LEVEL_NAMES[level] ?? String(level)).padEnd(5);
  const tint = LEVEL_COLOURS[level];
  if (colour && tint) name = `${tint}${name}\x1b[0m`;
  const fields = Object.entries(record)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, field]) => `${key}=${value(field)}`);
  let text = `${clock} ${name} ${typeof record.msg === "string" ? record.msg : ""}`;
  if (fields.length > 0) text += `  ${fields.join(" ")}`;
  const err = record.err;
  if (typeof err === "object" && err !== null) {
    const stack = (err as Record<string, unknown>).stack;
    const message = (err as Record<string, unknown>).message;
    text += `\n    ${String(typeof stack === "string" ? stack : (message ?? JSON.stringify(err))).replace(/\n/g, "\n    ")}`;
  } else if (err !== undefined) {
    text += `\n    ${value(err)}`;
  }
  return `${text}\n`;
}
