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

/**
 * The whole text of bodies that wrap frozen parts in a few plain values (an interaction callback:
 * `{type: 4, data: <a kept reply's body>}`), by the first frozen part: the same parts and values
 * give the same text, handed out as the same string, so a request neither joins its text anew nor
 * compares it character by character with the text of a body it already encoded.
 */
interface WrapperText {
  keys: string[];
  values: unknown[];
  text: string;
}
const textOfWrapper = new WeakMap<object, WrapperText[]>();
/** Wrappers remembered per frozen part (a reply is sent as a reply, an edit, a follow-up…). */
const WRAPPERS_PER_PART = 4;

function wrapperText(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  const values: unknown[] = [];
  let part: object | undefined;
  for (const key of keys) {
    const inner = value[key];
    if (typeof inner === "object" && inner !== null) {
      if (!Object.isFrozen(inner)) return undefined;
      part ??= inner;
    } else if (
      inner !== null &&
      inner !== undefined &&
      typeof inner !== "string" &&
      typeof inner !== "number" &&
      typeof inner !== "boolean"
    ) {
      return undefined;
    }
    values.push(inner);
  }
  if (part === undefined) return undefined;
  const known = textOfWrapper.get(part) ?? [];
  for (const wrapper of known) {
    if (
      wrapper.keys.length === keys.length &&
      wrapper.keys.every((key, index) => key === keys[index]) &&
      wrapper.values.every((inner, index) => Object.is(inner, values[index]))
    ) {
      return wrapper.text;
    }
  }
  const text = walkedText(value, 0);
  if (text === undefined) return undefined;
  if (known.length >= WRAPPERS_PER_PART) known.shift();
  known.push({ keys, values, text });
  textOfWrapper.set(part, known);
  return text;
}

/** JSON.stringify(value), reusing the text of frozen objects and arrays. */
export function jsonText(value: unknown, level = 0): string | undefined {
  if (
    level === 0 &&
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.isFrozen(value) &&
    isPlainObject(value) &&
    typeof value.toJSON !== "function"
  ) {
    const text = wrapperText(value);
    if (text !== undefined) return text;
  }
  return walkedText(value, level);
}

function walkedText(value: unknown, level: number): string | undefined {
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
      out += walkedText(value[index], level + 1) ?? "null";
    }
    return `${out}]`;
  }
  // Anything with its own idea of JSON (toJSON, a class) is left to JSON.stringify itself.
  if (!isPlainObject(value) || typeof value.toJSON === "function") return JSON.stringify(value);
  let out = "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const text = walkedText(value[key], level + 1);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${keyText(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
