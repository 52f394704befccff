import type { Command } from "../command-api.ts";
import type { Engine } from "../engine.ts";
import { QUIT_COMMANDS, commandSpecs, lineOptions } from "./command-line.ts";
import { UserError } from "../command-api.ts";
import { bindOptions, closestNames, parseLine, type OptionSpec } from "./parse-line.ts";

export interface CompletionDeps {
  engine: Engine;
  commands: readonly Command[];
}

/** readline's completer result: candidates, and the text they replace. */
export type Completion = [string[], string];

/** Where the word under the cursor starts: after the last whitespace outside quotes. */
function currentWordStart(line: string): number {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (ch === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(ch)) start = i + 1;
  }
  return start;
}

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

function unquote(text: string): string {
  return text.replace(/"/g, "");
}

/** Values for one option, ranked the way Discord's autocomplete ranks them. */
function optionValues(
  command: Command,
  spec: OptionSpec,
  typed: string,
  values: ReadonlyMap<string, string>,
  engine: Engine,
): string[] {
  if (spec.choices.length > 0) {
    const lower = typed.toLowerCase();
    return spec.choices
      .filter(
        (choice) =>
          choice.value.toLowerCase().startsWith(lower) ||
          choice.name.toLowerCase().startsWith(lower),
      )
      .map((choice) => choice.value);
  }
  if (!spec.autocomplete || !command.autocomplete) return [];
  const options = lineOptions(values, (name) => new UserError(`Missing ${name}.`));
  const ranked = command.autocomplete({
    engine,
    options,
    focused: { name: spec.name, value: typed },
  });
  // Tab inserts what all candidates share, so when some candidates start with what was typed,
  // offer just those (still in Discord's order); a typo gets the whole fuzzy list.
  const lower = typed.toLowerCase();
  const byPrefix = ranked.filter(
    (choice) =>
      choice.value.toLowerCase().startsWith(lower) || choice.name.toLowerCase().startsWith(lower),
  );
  return (byPrefix.length > 0 ? byPrefix : ranked).map((choice) => choice.value);
}

function completeCommandName(typed: string, commands: readonly Command[]): string[] {
  const names = [...commands.map((command) => command.data.name), ...QUIT_COMMANDS];
  const lower = typed.toLowerCase();
  const byPrefix = names.filter((name) => name.startsWith(lower));
  const matches = byPrefix.length > 0 ? byPrefix : closestNames(lower, names);
  return matches.map((name) => `/${name} `);
}

/** Free text: finish a policy or country name, but only by prefix, so ordinary words stay. */
function completeQuestionWord(word: string, engine: Engine): string[] {
  if (word.length < 2) return [];
  const lower = word.toLowerCase();
  const candidates = [...engine.suggestPolicies(word, 10), ...engine.suggestCountries(word, 10)];
  return [...new Set(candidates.map((choice) => choice.value))].filter((value) =>
    value.toLowerCase().startsWith(lower),
  );
}

function boundSoFar(command: Command, before: string): Map<string, string> {
  const parsed = parseLine(`/${command.data.name} ${before}`);
  if (parsed.kind !== "command") return new Map();
  try {
    return bindOptions(command.data.name, commandSpecs(command), parsed.tokens);
  } catch {
    // Half-typed lines are often invalid; complete as if nothing were set yet.
    return new Map();
  }
}

/**
 * Tab completion for the console: command names, option names, and option values (policy
 * names, countries, sections) from the command's own autocomplete, so the ranking is the one
 * Discord shows.
 */
export function completeLine(line: string, deps: CompletionDeps): Completion {
  const start = currentWordStart(line);
  const word = line.slice(start);
  const leading = line.trimStart();
  if (!leading.startsWith("/")) return [completeQuestionWord(word, deps.engine), word];

  const commandMatch = /^\s*\/(\S*)(\s+)?/.exec(line);
  const typedName = commandMatch?.[1] ?? "";
  if (commandMatch?.[2] === undefined) {
    return [completeCommandName(typedName, deps.commands), word];
  }
  const command = deps.commands.find((c) => c.data.name === typedName.toLowerCase());
  if (!command) return [[], word];

  const specs = commandSpecs(command);
  const afterName = line.slice(commandMatch[0].length, start);
  const values = boundSoFar(command, afterName);

  const colon = word.indexOf(":");
  const keyed =
    colon > 0 ? specs.find((s) => s.name === word.slice(0, colon).toLowerCase()) : undefined;
  if (keyed) {
    const typed = unquote(word.slice(colon + 1));
    const found = optionValues(command, keyed, typed, values, deps.engine);
    return [found.map((value) => `${keyed.name}:${quoteIfNeeded(value)}`), word];
  }

  const typed = unquote(word);
  const optionNames = specs
    .filter((spec) => !values.has(spec.name) && spec.name.startsWith(typed.toLowerCase()))
    .map((spec) => `${spec.name}:`);
  // A positional word goes to the next open option, or to the one it exactly fits (see
  // bindOptions), so offer values for every open option: `/sources ` lists countries and policies.
  const openFree = specs.filter((spec) => spec.choices.length === 0 && !values.has(spec.name));
  const openChoices = specs.filter((spec) => spec.choices.length > 0 && !values.has(spec.name));
  const positionalValues = [
    ...openFree.flatMap((spec) =>
      optionValues(command, spec, typed, values, deps.engine).map(quoteIfNeeded),
    ),
    // A section word on its own sets the section (see bindOptions), so offer those too.
    ...(typed === ""
      ? []
      : openChoices.flatMap((spec) =>
          spec.choices
            .map((choice) => choice.value)
            .filter((value) => value.startsWith(typed.toLowerCase())),
        )),
  ];
  return [[...new Set([...positionalValues, ...optionNames])], word];
}
