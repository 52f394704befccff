import { userError, type Command, type CommandOptions } from "../command-api.ts";
import { PolicyField } from "../dataset/schema.ts";
import type { Locale } from "../i18n/catalog.ts";
import { fitAutocompleteChoices } from "../render/discord.ts";
import { withLocalChoiceNames } from "../render/localize.ts";
import {
  CARD_SECTION_VALUE,
  isSuggestionCustomId,
  policyFromSectionMenuCustomId,
  suggestionFromCustomId,
} from "../render/suggestion-ids.ts";
import type { BotServices } from "./services.ts";

/**
 * What an interaction asks for, read the same way whichever transport delivered it: the gateway
 * bot (discord.js objects) and the HTTP endpoint (raw JSON) each only say how to look a value up.
 */

/** A command's options over a lookup, with the polite error for a required one left empty. */
export function commandOptionsFrom(
  commandName: string,
  valueOf: (name: string) => unknown,
): CommandOptions {
  const getString = (name: string): string | null => {
    const value = valueOf(name);
    return value === undefined || value === null ? null : String(value);
  };
  return {
    getString,
    getRequiredString(name) {
      const value = getString(name);
      if (value === null || value.trim() === "") {
        throw userError("error.requiredOption", { option: name, command: commandName });
      }
      return value;
    },
  };
}

/** Each command's options with suggestions, read once from its definition. */
const suggesting = new WeakMap<Command, ReadonlySet<string>>();
function suggestingOptions(command: Command): ReadonlySet<string> {
  let names = suggesting.get(command);
  if (names === undefined) {
    const options = command.data.toJSON().options ?? [];
    names = new Set(
      options
        .filter((option) => "autocomplete" in option && option.autocomplete === true)
        .map((option) => option.name),
    );
    suggesting.set(command, names);
  }
  return names;
}

/**
 * The choices for an autocomplete, fitted to Discord's limits and named in the reader's language;
 * null when the command offers none for the focused option (or no option is focused).
 */
export function autocompleteChoices(
  services: BotServices,
  commandName: string,
  options: CommandOptions,
  focused: { name: string; value?: unknown } | undefined,
  locale: Locale,
): { name: string; value: string }[] | null {
  const command = services.commands.get(commandName);
  const offersChoices =
    focused !== undefined && command !== undefined && suggestingOptions(command).has(focused.name);
  if (!command?.autocomplete || !focused || !offersChoices) return null;
  const choices = command.autocomplete({
    engine: services.engine,
    options,
    focused: { name: focused.name, value: String(focused.value ?? "") },
  });
  return fitAutocompleteChoices(withLocalChoiceNames(choices, services.engine.countries, locale));
}

/** The question a suggestion button carries, or the user-facing error for a stale one. */
export function suggestedQuestion(customId: string): string {
  if (!isSuggestionCustomId(customId)) throw userError("error.buttonGone");
  const question = suggestionFromCustomId(customId);
  if (question === null) throw userError("error.suggestionExpired");
  return question;
}

/** The policy and section a section menu asks for (null: the card), or a user-facing error. */
export function sectionMenuChoice(
  customId: string,
  values: readonly string[] | undefined,
): { policy: string; section: PolicyField | null } {
  const policy = policyFromSectionMenuCustomId(customId);
  if (policy === null) throw userError("error.menuGone");
  const choice = values?.[0] ?? CARD_SECTION_VALUE;
  if (choice === CARD_SECTION_VALUE) return { policy, section: null };
  const parsed = PolicyField.safeParse(choice);
  if (!parsed.success) throw userError("error.menuSection");
  return { policy, section: parsed.data };
}
