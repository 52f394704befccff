/**
 * The JSON text of a request body, character for character what JSON.stringify gives, with each
 * frozen part (the embeds and components of a reply the bot keeps, see src/bot/charts.ts)
 * serialised once and its text reused: a frozen object cannot change, so neither can its text.
 * A kept reply is sent again and again; serialising its embeds every time profiled as the
 * largest single cost of sending it.
 */
const textOfFrozen = new WeakMap<object, string>();

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** JSON.stringify(value), reusing the text of frozen objects and arrays. */
export function jsonText(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Object.isFrozen(value)) {
    let text = textOfFrozen.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      // undefined only for values JSON has no text for; those are not kept.
      if (text === undefined) return text;
      textOfFrozen.set(value, text);
    }
    return text;
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ",";
      out += jsonText(value[index]) ?? "null";
    }
    return `${out}]`;
  }
  // Anything with its own idea of JSON (toJSON, a class) is left to JSON.stringify itself.
  if (!isPlainObject(value) || typeof value.toJSON === "function") return JSON.stringify(value);
  let out = "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const text = jsonText(value[key]);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
