import { UserError } from "../command-api.ts";
import { editDistance } from "../text/edit-distance.ts";

/**
 * A console line as the user typed it: a slash command in Discord's own syntax
 * (`/policy name:torch section:budget`, `/compare torch city-clusters field:objectives`,
 * `/ask question:"…"`) or a free-text question.
 */
export type ParsedLine =
  | { kind: "empty" }
  | { kind: "command"; name: string; tokens: LineToken[] }
  | { kind: "question"; text: string };

/**
 * One word of a command line. `key` is set for `key:value` words whose key was typed unquoted;
 * whether it names an option is decided later, against the command's options.
 */
export interface LineToken {
  /** The word as written, quotes removed (`name:greater bay area` for `name:"greater bay area"`). */
  text: string;
  key: string | null;
  /** The part after `key:`, or the whole word when there is no key. */
  value: string;
  /** Some of the word was quoted: never a choice shortcut, never split. */
  quoted: boolean;
}

const OPEN_QUOTES = new Set(['"', "“", "„"]);
const CLOSE_QUOTE: Record<string, string> = { '"': '"', "“": "”", "„": "“" };
const KEY_PATTERN = /^[a-z][a-z0-9_-]*$/i;

/**
 * Splits a line into words on unquoted whitespace. Only double quotes group (straight or curly),
 * so an apostrophe in "torch's budget" is just a letter. An unclosed quote runs to the end of
 * the line rather than failing: a person who forgot the closing quote meant exactly that.
 */
export function tokenizeLine(line: string): LineToken[] {
  const tokens: LineToken[] = [];
  let text = "";
  let inToken = false;
  let quoted = false;
  /** Index in `text` of the first colon typed outside quotes, before any quote. */
  let keyColon = -1;
  let sawQuoteBeforeColon = false;
  let closing: string | null = null;

  const finish = (): void => {
    if (!inToken) return;
    const keyCandidate = keyColon >= 0 && !sawQuoteBeforeColon ? text.slice(0, keyColon) : null;
    const key = keyCandidate !== null && KEY_PATTERN.test(keyCandidate) ? keyCandidate : null;
    tokens.push({
      text,
      key,
      value: key === null ? text : text.slice(keyColon + 1),
      quoted,
    });
    text = "";
    inToken = false;
    quoted = false;
    keyColon = -1;
    sawQuoteBeforeColon = false;
  };

  for (const ch of line) {
    if (closing !== null) {
      if (ch === closing) closing = null;
      else text += ch;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      inToken = true;
      quoted = true;
      if (keyColon < 0) sawQuoteBeforeColon = true;
      closing = CLOSE_QUOTE[ch] ?? '"';
      continue;
    }
    if (/\s/.test(ch)) {
      finish();
      continue;
    }
    if (ch === ":" && keyColon < 0) keyColon = text.length;
    text += ch;
    inToken = true;
  }
  finish();
  return tokens;
}

/** Reads what kind of line this is; binding values to a command's options comes later. */
export function parseLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "empty" };
  if (!trimmed.startsWith("/")) return { kind: "question", text: trimmed };
  const match = /^\/(\S*)\s*(.*)$/s.exec(trimmed);
  const name = (match?.[1] ?? "").toLowerCase();
  const rest = match?.[2] ?? "";
  return { kind: "command", name, tokens: tokenizeLine(rest) };
}

/** What the console needs to know of one command option (read from the command's JSON). */
export interface OptionSpec {
  name: string;
  description: string;
  required: boolean;
  /** Fixed choices (Discord's `choices`); empty when the value is free or autocompleted. */
  choices: { name: string; value: string }[];
  autocomplete: boolean;
}

/** Loose reading of `data.toJSON().options`, so no console code depends on discord.js types. */
interface RawOption {
  name: string;
  description?: string;
  required?: boolean;
  choices?: readonly { name: string; value: string | number }[];
  autocomplete?: boolean;
}

/** The options of a command in declaration order, which is also the order of positional values. */
export function optionSpecs(options: readonly RawOption[] | undefined): OptionSpec[] {
  return (options ?? []).map((option) => ({
    name: option.name,
    description: option.description ?? "",
    required: option.required === true,
    choices: (option.choices ?? []).map((choice) => ({
      name: choice.name,
      value: String(choice.value),
    })),
    autocomplete: option.autocomplete === true,
  }));
}

/** `Start year`, `start-year`, `START_YEAR` all name the choice `start_year`. */
function normaliseChoice(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

/** The choice value `text` names (by value or by label), or null. */
export function matchChoice(spec: OptionSpec, text: string): string | null {
  const wanted = normaliseChoice(text);
  const hit = spec.choices.find(
    (choice) => normaliseChoice(choice.value) === wanted || normaliseChoice(choice.name) === wanted,
  );
  return hit?.value ?? null;
}

/** Names within a small edit distance of `typed`, closest first. */
export function closestNames(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  const limit = Math.max(1, Math.min(2, Math.floor(lower.length / 3)));
  return names
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .filter(
      ({ name, distance }) => distance <= limit || (lower.length >= 2 && name.startsWith(lower)),
    )
    .sort((a, b) => a.distance - b.distance)
    .map(({ name }) => name);
}

function choiceList(spec: OptionSpec): string {
  return spec.choices.map((choice) => choice.value).join(", ");
}

/** A usage line such as `/compare a:<…> b:<…> [c:<…>] [field:<…>]`. */
export function usageLine(command: string, specs: readonly OptionSpec[]): string {
  const parts = specs.map((spec) => {
    const placeholder = spec.choices.length > 0 ? spec.choices.map((c) => c.value).join("|") : "…";
    const part = `${spec.name}:<${placeholder}>`;
    return spec.required ? part : `[${part}]`;
  });
  return [`/${command}`, ...parts].join(" ");
}

/**
 * Binds a command line's words to the command's options the way a person would read them:
 *
 * - `key:value` sets that option; its value runs on over following words (`name:greater bay
 *   area`) until the next `key:`, except a word that is a choice of a still-open choice option
 *   (`/policy name:torch budget` sets section).
 * - Positional words first fill open choice options they name (`/compare torch budget` is the
 *   budget field, not a policy called "budget"), then the open free options in order. With more
 *   words than free options, a single free option takes them all (`/policy greater bay area`);
 *   otherwise the words are ambiguous and the user is asked to quote. A word that `fits` one
 *   option exactly (e.g. a known country id) goes to that option even if it is not the next.
 *
 * Throws a UserError that says what is wrong and how to write it.
 */
export function bindOptions(
  command: string,
  specs: readonly OptionSpec[],
  tokens: readonly LineToken[],
  fits: (option: string, value: string) => boolean = () => false,
): Map<string, string> {
  const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const values = new Map<string, string>();
  const positional: LineToken[] = [];
  const usage = usageLine(command, specs);

  const openChoiceFor = (token: LineToken): { spec: OptionSpec; value: string } | null => {
    if (token.quoted || token.key !== null) return null;
    for (const spec of specs) {
      if (spec.choices.length === 0 || values.has(spec.name)) continue;
      const value = matchChoice(spec, token.text);
      if (value !== null) return { spec, value };
    }
    return null;
  };

  let current: { spec: OptionSpec; words: string[] } | null = null;
  const closeCurrent = (): void => {
    if (current === null) return;
    const { spec, words } = current;
    current = null;
    const text = words.join(" ").trim();
    if (text === "") return;
    if (spec.choices.length > 0) {
      const value = matchChoice(spec, text);
      if (value === null) {
        const near = closestNames(
          text,
          spec.choices.map((c) => c.value),
        );
        const hint = near[0] !== undefined ? ` Did you mean ${spec.name}:${near[0]}?` : "";
        throw new UserError(
          `"${text}" is not a choice for ${spec.name}. Choose one of: ${choiceList(spec)}.${hint}`,
        );
      }
      values.set(spec.name, value);
    } else {
      values.set(spec.name, text);
    }
  };

  for (const token of tokens) {
    const spec = token.key === null ? undefined : byName.get(token.key.toLowerCase());
    if (token.key !== null && spec !== undefined) {
      closeCurrent();
      if (values.has(spec.name)) {
        throw new UserError(`The option ${spec.name} is given twice. Usage: ${usage}`);
      }
      current = { spec, words: token.value === "" ? [] : [token.value] };
      continue;
    }
    if (token.key !== null && specs.length > 0) {
      const near = closestNames(token.key, [...byName.keys()]);
      if (near[0] !== undefined) {
        throw new UserError(
          `/${command} has no option "${token.key}". Did you mean ${near[0]}:? Usage: ${usage}`,
        );
      }
    }
    const choice = openChoiceFor(token);
    if (choice !== null && (current === null || current.spec !== choice.spec)) {
      closeCurrent();
      values.set(choice.spec.name, choice.value);
      continue;
    }
    // A choice is one word, so what follows it is a new value, not more of the choice.
    if (current !== null && current.spec.choices.length > 0 && current.words.length > 0) {
      closeCurrent();
    }
    if (current !== null) current.words.push(token.text);
    else positional.push(token);
  }
  closeCurrent();

  const free = specs.filter((spec) => spec.choices.length === 0 && !values.has(spec.name));
  if (positional.length > 0) {
    if (free.length === 0) {
      const extra = positional.map((token) => token.text).join(" ");
      throw new UserError(
        specs.length === 0
          ? `/${command} takes no options (got "${extra}").`
          : `Not sure where "${extra}" goes. Usage: ${usage}`,
      );
    }
    if (free.length === 1) {
      const [spec] = free;
      if (spec) values.set(spec.name, positional.map((token) => token.text).join(" "));
    } else if (positional.length <= free.length) {
      const open = [...free];
      for (const token of positional) {
        // In option order, except that a value that is exactly one option's kind of thing
        // goes there: `/sources torch` is a policy even though country comes first.
        const index = Math.max(
          0,
          open.findIndex((spec) => fits(spec.name, token.text)),
        );
        const [spec] = open.splice(index, 1);
        if (spec) values.set(spec.name, token.text);
      }
    } else {
      throw new UserError(
        `/${command} got ${positional.length} values for ${free.length} options; put a value with spaces in quotes or name its option. Usage: ${usage}`,
      );
    }
  }
  return values;
}
