import type {
  APIApplicationCommandOptionChoice,
  APIApplicationCommandStringOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Command, MessageCommand } from "./command-api.ts";

/**
 * Command definitions as Discord's JSON, written directly. The commands use only string options,
 * and their rules (names, lengths, counts, order) are checked by test/bot/registry.test.ts; so
 * the console, which loads every command module, need not load @discordjs/builders (with
 * discord-api-types, shapeshift and lodash: about 70 ms of its ~400 ms to a first answer).
 * The numbers are Discord's: command type 1 (chat input) and 3 (message), option type 3 (string).
 */

export interface StringOptionSpec {
  name: string;
  description: string;
  required?: boolean;
  /** Suggestions as the user types (the command's `autocomplete`). */
  autocomplete?: boolean;
  maxLength?: number;
  choices?: readonly APIApplicationCommandOptionChoice<string>[];
}

export function stringOption(spec: StringOptionSpec): APIApplicationCommandStringOption {
  const common = {
    name: spec.name,
    description: spec.description,
    required: spec.required ?? false,
    ...(spec.maxLength === undefined ? {} : { max_length: spec.maxLength }),
  };
  if (spec.autocomplete === true) return { type: 3, ...common, autocomplete: true };
  if (spec.choices === undefined) return { type: 3, ...common };
  return { type: 3, ...common, choices: [...spec.choices] };
}

export function slashCommand(
  name: string,
  description: string,
  options: readonly APIApplicationCommandStringOption[] = [],
): Command["data"] {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: 1,
    name,
    description,
    options: [...options],
  };
  // A copy each time: deploy and localisation add to what they are handed.
  return { name, toJSON: () => structuredClone(json) };
}

export function messageCommand(name: string): MessageCommand["data"] {
  const json: RESTPostAPIContextMenuApplicationCommandsJSONBody = { type: 3, name };
  return { name, toJSON: () => ({ ...json }) };
}
