/**
 * Discord's "Invalid Form Body" error shape (code 50035): a tree keyed by the path of the
 * offending value, each leaf holding `_errors: [{ code, message }]`. discord.js flattens it into
 * messages such as `data.embeds[0].title[BASE_TYPE_MAX_LENGTH]: Must be 256 or fewer in length.`
 */
export type FormPath = readonly (string | number)[];

export interface FormErrorLeaf {
  code: string;
  message: string;
}

export interface FormErrorTree {
  _errors?: FormErrorLeaf[];
  [key: string]: FormErrorTree | FormErrorLeaf[] | undefined;
}

export interface FormProblem {
  path: string;
  code: string;
  message: string;
}

export class FormErrors {
  readonly problems: FormProblem[] = [];
  private readonly tree: FormErrorTree = {};

  add(path: FormPath, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const name = String(key);
      const existing = node[name];
      if (existing === undefined || Array.isArray(existing)) {
        const child: FormErrorTree = {};
        node[name] = child;
        node = child;
      } else {
        node = existing;
      }
    }
    (node._errors ??= []).push({ code, message });
    this.problems.push({ path: path.map(String).join("."), code, message });
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  /** The JSON body Discord answers with (HTTP 400). */
  body(): { code: number; errors: FormErrorTree; message: string } {
    return { code: 50035, errors: this.tree, message: "Invalid Form Body" };
  }
}

// Python's str.strip() whitespace (Discord's API is Python): JavaScript's trim() keeps the ASCII
// separators U+001C–U+001F and U+0085, and strips U+FEFF, which Python keeps.
const PY_SPACE =
  "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "g");

/** A string as Discord sees it after stripping: "\u001f x \u0085" becomes "x". */
export function pythonStrip(text: string): string {
  return text.replace(PY_STRIP, "");
}

/** Discord counts characters as code points (its API is Python), not UTF-16 units. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function checkString(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
  limits: { min?: number; max: number; required?: boolean; trimmed?: boolean },
): string | null {
  if (value === undefined || value === null) {
    if (limits.required) errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return null;
  }
  if (typeof value !== "string") {
    errors.add(path, "BASE_TYPE_STRING", "Could not interpret value as string.");
    return null;
  }
  const length = charCount(limits.trimmed ? pythonStrip(value) : value);
  const min = limits.min ?? 0;
  if (length > limits.max) {
    errors.add(
      path,
      "BASE_TYPE_MAX_LENGTH",
      min > 0
        ? `Must be between ${min} and ${limits.max} in length.`
        : `Must be ${limits.max} or fewer in length.`,
    );
  } else if (length < min) {
    errors.add(
      path,
      length === 0 && limits.required ? "BASE_TYPE_REQUIRED" : "BASE_TYPE_MIN_LENGTH",
      length === 0 && limits.required
        ? "This field is required"
        : `Must be between ${min} and ${limits.max} in length.`,
    );
  }
  return value;
}

export function checkArray(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
  limits: { min?: number; max: number; required?: boolean },
): unknown[] | null {
  if (value === undefined || value === null) {
    if (limits.required) errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return null;
  }
  if (!Array.isArray(value)) {
    errors.add(path, "BASE_TYPE_LIST", "Must be a list.");
    return null;
  }
  const min = limits.min ?? 0;
  if (value.length > limits.max) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${limits.max} or fewer in length.`);
  } else if (value.length < min) {
    errors.add(path, "BASE_TYPE_MIN_LENGTH", `Must be ${min} or more in length.`);
  }
  return value;
}

export function checkInteger(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
  limits: { min: number; max: number; required?: boolean },
): number | null {
  if (value === undefined || value === null) {
    if (limits.required) errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return null;
  }
  if (typeof value !== "number" || !Number.isInteger(value)) {
    errors.add(path, "NUMBER_TYPE_COERCE", `Value "${String(value)}" is not int.`);
    return null;
  }
  if (value < limits.min || value > limits.max) {
    errors.add(
      path,
      value < limits.min ? "NUMBER_TYPE_MIN" : "NUMBER_TYPE_MAX",
      `int value should be between ${limits.min} and ${limits.max}.`,
    );
  }
  return value;
}

export function checkBoolean(errors: FormErrors, path: FormPath, value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== "boolean") {
    errors.add(path, "BASE_TYPE_BOOLEAN", "Must be either true or false.");
  }
}

export function checkObject(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    errors.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return null;
  }
  return value;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Strings Discord cannot store: half a surrogate pair (JSON allows `"\ud83d"`, UTF-8 does not).
 * Discord fails such requests (discord/discord-api-docs#6561 shows a 500 for a custom id); this
 * server answers 400 with the path so a test names the culprit.
 */
export function checkWellFormedStrings(errors: FormErrors, path: FormPath, value: unknown): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) {
      errors.add(path, "STRING_TYPE_INVALID_UNICODE", "Strings must be valid Unicode (UTF-8).");
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkWellFormedStrings(errors, [...path, index], item));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkWellFormedStrings(errors, [...path, key], item);
    }
  }
}
