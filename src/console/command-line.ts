import { UserError, type Command, type CommandOptions } from "../command-api.ts";
import type { Engine } from "../engine.ts";
import { closestNames, optionSpecs, type OptionSpec } from "./parse-line.ts";

/** Console-only commands, listed with the real ones so people find the way out. */
export const QUIT_COMMANDS = ["quit", "exit"] as const;

export function commandSpecs(command: Command): OptionSpec[] {
  return optionSpecs(command.data.toJSON().options);
}

export function commandNames(commands: readonly Command[]): string[] {
  return commands.map((command) => command.data.name);
}

export function unknownCommandError(typed: string, commands: readonly Command[]): UserError {
  const names = commandNames(commands);
  const near = closestNames(typed, names);
  const list = [...names, QUIT_COMMANDS[0]].map((name) => `/${name}`).join(", ");
  const hint = near[0] !== undefined ? ` Did you mean /${near[0]}?` : "";
  const what = typed === "" ? "Type a command after the slash." : `Unknown command /${typed}.`;
  return new UserError(`${what}${hint} Commands: ${list}.`);
}

/** Command options read from a console line, with the same contract as Discord's. */
export function lineOptions(
  values: ReadonlyMap<string, string>,
  missing: (name: string) => UserError,
): CommandOptions {
  return {
    getString: (name) => values.get(name) ?? null,
    getRequiredString: (name) => {
      const value = values.get(name);
      if (value === undefined || value.trim() === "") throw missing(name);
      return value;
    },
  };
}

const NO_OPTIONS: CommandOptions = lineOptions(
  new Map(),
  (name) => new UserError(`Missing ${name}.`),
);

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/**
 * A working example of the command: required options filled with the first choice, or the
 * top autocomplete suggestion (a different one for each option, so `/compare` compares two
 * distinct policies), or the option's description as a placeholder.
 */
export function exampleLine(command: Command, engine: Engine): string {
  const used = new Set<string>();
  const parts = [`/${command.data.name}`];
  for (const spec of commandSpecs(command)) {
    if (!spec.required) continue;
    let value: string | undefined = spec.choices[0]?.value;
    if (value === undefined && spec.autocomplete && command.autocomplete) {
      const choices = command.autocomplete({
        engine,
        options: NO_OPTIONS,
        focused: { name: spec.name, value: "" },
      });
      value = choices.find((choice) => !used.has(choice.value))?.value;
    }
    // Descriptions such as "e.g. When did the TORCH Program start?" carry an example.
    value ??=
      /^e\.g\.\s*(.+)$/i.exec(spec.description)?.[1] ?? `<${spec.description || spec.name}>`;
    used.add(value);
    parts.push(`${spec.name}:${quoteIfNeeded(value)}`);
  }
  return parts.join(" ");
}

/**
 * Whether `value` is exactly something the option's autocomplete offers (its id or its name),
 * so a positional word can go to the option it obviously belongs to.
 */
export function optionFits(
  command: Command,
  engine: Engine,
  option: string,
  value: string,
): boolean {
  if (!command.autocomplete) return false;
  const wanted = value.trim().toLowerCase();
  return command
    .autocomplete({ engine, options: NO_OPTIONS, focused: { name: option, value } })
    .some(
      (choice) => choice.value.toLowerCase() === wanted || choice.name.toLowerCase() === wanted,
    );
}

export function missingOptionError(command: Command, option: string, engine: Engine): UserError {
  return new UserError(
    `/${command.data.name} needs the option ${option}. Example: ${exampleLine(command, engine)}`,
  );
}
