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

/**
 * How deep a body is walked for frozen parts: a request's body, its `data`, the `embeds` and
 * `components` arrays, their items. Below that, a part that is not frozen itself is left to
 * JSON.stringify whole, which is quicker than walking it here.
 */
const WALKED_LEVELS = 4;

/** The text of the keys met (a body's keys are few and repeat on every request). */
const keyTexts = new Map<string, string>();
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size < 1024) keyTexts.set(key, text);
  }
  return text;
}

/** JSON.stringify(value), reusing the text of frozen objects and arrays. */
export function jsonText(value: unknown, level = 0): string | undefined {
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
  if (level >= WALKED_LEVELS) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ",";
      out += jsonText(value[index], level + 1) ?? "null";
    }
    return `${out}]`;
  }
  // Anything with its own idea of JSON (toJSON, a class) is left to JSON.stringify itself.
  if (!isPlainObject(value) || typeof value.toJSON === "function") return JSON.stringify(value);
  let out = "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const text = jsonText(value[key], level + 1);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${keyText(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
