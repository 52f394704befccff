import {
  charCount,
  checkArray,
  checkBoolean,
  checkInteger,
  checkObject,
  checkString,
  isRecord,
} from "./form-errors.ts";
import type { FormErrors, FormPath } from "./form-errors.ts";

/** Discord's rule for command and option names (chat input commands must also be lowercase). */
export const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;
const CHOICE_TYPES = new Set<number>([OptionType.String, OptionType.Integer, OptionType.Number]);

/** The locales Discord accepts as keys of `name_localizations` and `description_localizations`. */
export const DISCORD_LOCALES = [
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
] as const;
const LOCALE_SET = new Set<string>(DISCORD_LOCALES);

/**
 * A localisation map: known locales only, each text under the same rule as the default text
 * (`check` adds its own problems). Returns the texts by locale.
 */
function checkLocalizations(
  errors: FormErrors,
  path: FormPath,
  raw: unknown,
  check: (at: FormPath, text: unknown) => void,
): Map<string, string> {
  const texts = new Map<string, string>();
  if (raw === undefined || raw === null) return texts;
  if (!isRecord(raw)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return texts;
  }
  for (const [locale, text] of Object.entries(raw)) {
    if (!LOCALE_SET.has(locale)) {
      errors.add(
        [...path, locale],
        "BASE_TYPE_CHOICES",
        `Value must be one of ${JSON.stringify(DISCORD_LOCALES)}.`,
      );
      continue;
    }
    check([...path, locale], text);
    if (typeof text === "string") texts.set(locale, text);
  }
  return texts;
}

/** A chat input command or option name: Discord's pattern, lowercase where the script has case. */
function checkChatName(
  errors: FormErrors,
  at: FormPath,
  value: unknown,
  required: boolean,
): string | null {
  const name = checkString(errors, at, value, { min: 1, max: 32, required });
  if (name !== null && (!COMMAND_NAME.test(name) || name !== name.toLowerCase())) {
    errors.add(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  return name;
}

const MAX_COMMAND_CHARACTERS = 4000;
const MAX_CHAT_INPUT_COMMANDS = 100;
/** User and message context-menu commands: at most this many of each type (Discord's first, stricter limit). */
const MAX_CONTEXT_MENU_COMMANDS = 5;

/**
 * Validates one application command definition as Discord does on registration, adding every
 * problem under `path`.
 */
export function validateCommandDefinition(errors: FormErrors, path: FormPath, raw: unknown): void {
  const command = checkObject(errors, path, raw);
  if (command === null) {
    errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  const type = checkInteger(errors, [...path, "type"], command.type, { min: 1, max: 4 }) ?? 1;
  const chatInput = type === 1;
  const name = checkString(errors, [...path, "name"], command.name, {
    min: 1,
    max: 32,
    required: true,
  });
  if (name !== null && chatInput && (!COMMAND_NAME.test(name) || name !== name.toLowerCase())) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  checkLocalizations(
    errors,
    [...path, "name_localizations"],
    command.name_localizations,
    (at, text) =>
      chatInput
        ? checkChatName(errors, at, text, true)
        : checkString(errors, at, text, { min: 1, max: 32, required: true }),
  );
  if (chatInput) {
    checkString(errors, [...path, "description"], command.description, {
      min: 1,
      max: 100,
      required: true,
    });
    checkLocalizations(
      errors,
      [...path, "description_localizations"],
      command.description_localizations,
      (at, text) => checkString(errors, at, text, { min: 1, max: 100, required: true }),
    );
  } else if (
    (command.description !== undefined && command.description !== "") ||
    (isRecord(command.description_localizations) &&
      Object.keys(command.description_localizations).length > 0)
  ) {
    errors.add(
      [...path, "description"],
      "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
      "Context menu commands cannot have a description",
    );
  }
  if (
    command.default_member_permissions !== undefined &&
    command.default_member_permissions !== null &&
    (typeof command.default_member_permissions !== "string" ||
      !/^\d+$/.test(command.default_member_permissions))
  ) {
    errors.add(
      [...path, "default_member_permissions"],
      "NUMBER_TYPE_COERCE",
      "Value is not a permission bitfield string.",
    );
  }
  checkBoolean(errors, [...path, "dm_permission"], command.dm_permission);
  checkBoolean(errors, [...path, "nsfw"], command.nsfw);
  // contexts: guild 0, bot DM 1, private channel 2; integration_types: guild 0, user 1.
  for (const [key, max] of [
    ["contexts", 2],
    ["integration_types", 1],
  ] as const) {
    const list = checkArray(errors, [...path, key], command[key], { max: max + 1 });
    list?.forEach((item, index) => {
      if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > max) {
        const allowed = Array.from({ length: max + 1 }, (_, value) => value).join(", ");
        errors.add(
          [...path, key, index],
          "BASE_TYPE_CHOICES",
          `Value must be one of {${allowed}}.`,
        );
      }
    });
  }
  if (!chatInput && command.options !== undefined) {
    errors.add(
      [...path, "options"],
      "APPLICATION_COMMAND_OPTIONS_INVALID",
      "Only chat input commands take options",
    );
    return;
  }
  validateOptions(errors, [...path, "options"], command.options, 0);
  if (chatInput && commandCharacters(command) > MAX_COMMAND_CHARACTERS) {
    errors.add(
      path,
      "APPLICATION_COMMAND_TOO_LARGE",
      `Command exceeds maximum size (${MAX_COMMAND_CHARACTERS})`,
    );
  }
}

/** A bulk overwrite (PUT): every definition, at most 100 chat input commands, unique names per type. */
export function validateCommandList(errors: FormErrors, raw: unknown): void {
  const commands = checkArray(errors, [], raw, { max: 200, required: true });
  if (commands === null) return;
  const seen = new Set<string>();
  let chatInput = 0;
  const contextMenu = new Map<number, number>();
  commands.forEach((command, index) => {
    validateCommandDefinition(errors, [index], command);
    const record = checkObject(errors, [index], command);
    if (record === null) return;
    const type = typeof record.type === "number" ? record.type : 1;
    if (type === 1) chatInput += 1;
    else contextMenu.set(type, (contextMenu.get(type) ?? 0) + 1);
    const key = `${type}:${String(record.name)}`;
    if (seen.has(key)) {
      errors.add(
        [index, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        `Application command names must be unique`,
      );
    }
    seen.add(key);
  });
  for (const [type, count] of contextMenu) {
    if (count > MAX_CONTEXT_MENU_COMMANDS) {
      errors.add(
        [],
        "APPLICATION_COMMANDS_MAX_CONTEXT_MENU",
        `Maximum number of ${type === 2 ? "user" : "message"} commands reached (${MAX_CONTEXT_MENU_COMMANDS})`,
      );
    }
  }
  if (chatInput > MAX_CHAT_INPUT_COMMANDS) {
    errors.add(
      [],
      "BASE_TYPE_MAX_LENGTH",
      `Must be ${MAX_CHAT_INPUT_COMMANDS} or fewer in length.`,
    );
  }
}

function validateOptions(errors: FormErrors, path: FormPath, raw: unknown, depth: number): void {
  const options = checkArray(errors, path, raw, { max: 25 });
  if (options === null) return;
  const names = new Set<string>();
  const localizedNames = new Map<string, Set<string>>();
  let sawOptional = false;
  let subcommands = 0;
  options.forEach((rawOption, index) => {
    const at = [...path, index];
    const option = checkObject(errors, at, rawOption);
    if (option === null) return;
    const type = checkInteger(errors, [...at, "type"], option.type, {
      min: 1,
      max: 11,
      required: true,
    });
    const name = checkString(errors, [...at, "name"], option.name, {
      min: 1,
      max: 32,
      required: true,
    });
    if (name !== null) {
      if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
        errors.add([...at, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
      }
      if (names.has(name)) {
        errors.add(
          [...at, "name"],
          "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
          "Option names must be unique",
        );
      }
      names.add(name);
    }
    // Localised names follow the name rules and must be unique among the options in each locale.
    const localized = checkLocalizations(
      errors,
      [...at, "name_localizations"],
      option.name_localizations,
      (where, text) => checkChatName(errors, where, text, true),
    );
    for (const [locale, text] of localized) {
      const seen = localizedNames.get(locale) ?? new Set<string>();
      if (seen.has(text)) {
        errors.add(
          [...at, "name_localizations", locale],
          "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
          "Option names must be unique",
        );
      }
      seen.add(text);
      localizedNames.set(locale, seen);
    }
    checkString(errors, [...at, "description"], option.description, {
      min: 1,
      max: 100,
      required: true,
    });
    checkLocalizations(
      errors,
      [...at, "description_localizations"],
      option.description_localizations,
      (where, text) => checkString(errors, where, text, { min: 1, max: 100, required: true }),
    );
    const isSubcommand = type === OptionType.Subcommand || type === OptionType.SubcommandGroup;
    if (isSubcommand) {
      subcommands += 1;
      if (depth > 1 || (depth === 1 && type === OptionType.SubcommandGroup)) {
        errors.add(
          [...at, "type"],
          "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
          "Sub-command and sub-command group option types are mutually exclusive to all other types",
        );
      }
      if (option.required !== undefined && option.required !== false) {
        errors.add(
          [...at, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Subcommands cannot be required",
        );
      }
      validateOptions(errors, [...at, "options"], option.options, depth + 1);
      return;
    }
    if (option.options !== undefined) {
      errors.add(
        [...at, "options"],
        "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
        "Only subcommands have options",
      );
    }
    checkBoolean(errors, [...at, "required"], option.required);
    const required = option.required === true;
    if (required && sawOptional) {
      errors.add(
        [...at, "required"],
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    }
    if (!required) sawOptional = true;
    checkBoolean(errors, [...at, "autocomplete"], option.autocomplete);
    const choices = checkArray(errors, [...at, "choices"], option.choices, { max: 25 });
    if ((choices !== null || option.autocomplete === true) && !CHOICE_TYPES.has(type ?? 0)) {
      errors.add(
        [...at, "choices"],
        "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
        "Only string, integer and number options take choices or autocomplete",
      );
    }
    if (choices !== null && choices.length > 0 && option.autocomplete === true) {
      errors.add(
        [...at, "autocomplete"],
        "AUTOCOMPLETE_AND_CHOICES_MUTUALLY_EXCLUSIVE",
        "Autocomplete cannot be enabled on options with choices",
      );
    }
    choices?.forEach((rawChoice, choiceIndex) => {
      const choicePath = [...at, "choices", choiceIndex];
      const choice = checkObject(errors, choicePath, rawChoice);
      if (choice === null) return;
      checkString(errors, [...choicePath, "name"], choice.name, {
        min: 1,
        max: 100,
        required: true,
      });
      checkLocalizations(
        errors,
        [...choicePath, "name_localizations"],
        choice.name_localizations,
        (where, text) => checkString(errors, where, text, { min: 1, max: 100, required: true }),
      );
      if (type === OptionType.String) {
        checkString(errors, [...choicePath, "value"], choice.value, {
          min: 1,
          max: 100,
          required: true,
        });
      } else if (
        typeof choice.value !== "number" ||
        (type === OptionType.Integer && !Number.isInteger(choice.value))
      ) {
        errors.add([...choicePath, "value"], "NUMBER_TYPE_COERCE", "Value is not a number.");
      }
    });
    if (type === OptionType.String) {
      const minLength = checkInteger(errors, [...at, "min_length"], option.min_length, {
        min: 0,
        max: 6000,
      });
      const maxLength = checkInteger(errors, [...at, "max_length"], option.max_length, {
        min: 1,
        max: 6000,
      });
      if (minLength !== null && maxLength !== null && minLength > maxLength) {
        errors.add(
          [...at, "min_length"],
          "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
          "min_length must not exceed max_length",
        );
      }
    } else if (option.min_length !== undefined || option.max_length !== undefined) {
      errors.add(
        [...at, "min_length"],
        "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
        "Only string options take lengths",
      );
    }
  });
  if (subcommands > 0 && subcommands < options.length) {
    errors.add(
      path,
      "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
      "Sub-command and sub-command group option types are mutually exclusive to all other types",
    );
  }
}

/** Discord's size rule: names, descriptions, choice names and values together ≤ 4000 characters. */
function commandCharacters(command: Record<string, unknown>): number {
  let total = 0;
  const add = (value: unknown, localizations?: unknown): void => {
    // Discord counts the longest of a text and its localisations.
    let longest =
      typeof value === "string"
        ? charCount(value)
        : typeof value === "number"
          ? String(value).length
          : 0;
    if (isRecord(localizations)) {
      for (const text of Object.values(localizations)) {
        if (typeof text === "string") longest = Math.max(longest, charCount(text));
      }
    }
    total += longest;
  };
  const walk = (options: unknown): void => {
    if (!Array.isArray(options)) return;
    for (const option of options) {
      if (!isRecord(option)) continue;
      const record = option;
      add(record.name, record.name_localizations);
      add(record.description, record.description_localizations);
      if (Array.isArray(record.choices)) {
        for (const choice of record.choices) {
          if (!isRecord(choice)) continue;
          const choiceRecord = choice;
          add(choiceRecord.name, choiceRecord.name_localizations);
          add(choiceRecord.value);
        }
      }
      walk(record.options);
    }
  };
  add(command.name, command.name_localizations);
  add(command.description, command.description_localizations);
  walk(command.options);
  return total;
}
