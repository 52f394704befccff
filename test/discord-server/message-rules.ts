import {
  charCount,
  checkArray,
  checkBoolean,
  checkInteger,
  checkObject,
  checkString,
  isRecord,
  pythonStrip,
} from "./form-errors.ts";
import type { FormErrors, FormPath } from "./form-errors.ts";

/** Discord's documented limits for messages, embeds, components and autocomplete. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  files: 10,
  fileBytes: 10 * 1024 * 1024,
  allowedMentionIds: 100,
} as const;

const MessageFlags = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;
const SENDABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;

const ComponentType = {
  ActionRow: 1,
  Button: 2,
  StringSelect: 3,
  TextInput: 4,
  UserSelect: 5,
  RoleSelect: 6,
  MentionableSelect: 7,
  ChannelSelect: 8,
} as const;
const SELECT_TYPES = new Set<number>([3, 5, 6, 7, 8]);

export interface MessageRuleContext {
  /** Creating a message (not editing): it must not end up empty. */
  creating: boolean;
  /** Files attached to this request (multipart `files[n]`). */
  fileCount: number;
  /** Where the message is sent: ephemeral only applies to interaction responses. */
  allowEphemeral: boolean;
}

/**
 * Validates a message body (channel message, interaction response data, webhook message or edit)
 * the way Discord does, adding every problem under `path`. Returns whether the resulting message
 * would be empty (Discord: 50006), which the caller decides how to report.
 */
export function validateMessageBody(
  errors: FormErrors,
  path: FormPath,
  body: Record<string, unknown>,
  context: MessageRuleContext,
): { empty: boolean } {
  const content = checkString(errors, [...path, "content"], body.content, {
    max: LIMITS.content,
  });
  const flags = checkInteger(errors, [...path, "flags"], body.flags, {
    min: 0,
    max: 2 ** 31,
  });
  if (flags !== null && (flags & ~SENDABLE_FLAGS) !== 0) {
    errors.add([...path, "flags"], "MESSAGE_FLAGS_INVALID", "Invalid message flags.");
  }
  if (flags !== null && flags & MessageFlags.Ephemeral && !context.allowEphemeral) {
    errors.add([...path, "flags"], "MESSAGE_FLAGS_INVALID", "Ephemeral is not allowed here.");
  }
  const componentsV2 = flags !== null && (flags & MessageFlags.IsComponentsV2) !== 0;
  const embeds = validateEmbeds(errors, [...path, "embeds"], body.embeds);
  if (componentsV2 && ((content !== null && content !== "") || embeds.count > 0)) {
    errors.add(
      [...path, "content"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }
  const components = componentsV2
    ? validateTopLevelV2(errors, [...path, "components"], body.components)
    : validateActionRows(errors, [...path, "components"], body.components);
  validateAllowedMentions(errors, [...path, "allowed_mentions"], body.allowed_mentions);
  validateMessageReference(errors, [...path, "message_reference"], body.message_reference);
  checkBoolean(errors, [...path, "tts"], body.tts);
  const attachments = checkArray(errors, [...path, "attachments"], body.attachments, {
    max: LIMITS.files,
  });
  attachments?.forEach((attachment, index) => {
    const item = checkObject(errors, [...path, "attachments", index], attachment);
    if (item === null) return;
    checkString(errors, [...path, "attachments", index, "description"], item.description, {
      max: 1024,
    });
    if (item.id === undefined) {
      errors.add(
        [...path, "attachments", index, "id"],
        "BASE_TYPE_REQUIRED",
        "This field is required",
      );
    }
  });
  if (context.fileCount > LIMITS.files) {
    errors.add([...path, "files"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  }
  const stickers = Array.isArray(body.sticker_ids) ? body.sticker_ids.length : 0;
  const hasText = typeof content === "string" && pythonStrip(content) !== "";
  const empty =
    !hasText &&
    embeds.visible === 0 &&
    components === 0 &&
    context.fileCount === 0 &&
    (attachments?.length ?? 0) === 0 &&
    stickers === 0 &&
    body.poll === undefined;
  return { empty };
}

/**
 * An embed that shows something. One with only a colour (or nothing) is not content: a message
 * holding nothing else is empty (50006).
 */
export function embedShowsSomething(embed: Record<string, unknown>): boolean {
  const text = (value: unknown): boolean => typeof value === "string" && pythonStrip(value) !== "";
  const object = (value: unknown): boolean => isRecord(value);
  return (
    text(embed.title) ||
    text(embed.description) ||
    (Array.isArray(embed.fields) && embed.fields.length > 0) ||
    (isRecord(embed.footer) && text(embed.footer.text)) ||
    (isRecord(embed.author) && text(embed.author.name)) ||
    object(embed.image) ||
    object(embed.thumbnail) ||
    object(embed.video)
  );
}

/** Returns the number of embeds, and of those that show something. */
function validateEmbeds(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
): { count: number; visible: number } {
  const embeds = checkArray(errors, path, value, { max: LIMITS.embeds });
  if (embeds === null) return { count: 0, visible: 0 };
  const visible = embeds.filter((embed) => isRecord(embed) && embedShowsSomething(embed)).length;
  let total = 0;
  embeds.forEach((raw, index) => {
    const embed = checkObject(errors, [...path, index], raw);
    if (embed === null) {
      if (raw === null)
        errors.add([...path, index], "BASE_TYPE_REQUIRED", "This field is required");
      return;
    }
    const at = [...path, index];
    const title = checkString(errors, [...at, "title"], embed.title, { max: LIMITS.embedTitle });
    const description = checkString(errors, [...at, "description"], embed.description, {
      max: LIMITS.embedDescription,
    });
    total += charCount(title ?? "") + charCount(description ?? "");
    checkUrl(errors, [...at, "url"], embed.url, false);
    checkInteger(errors, [...at, "color"], embed.color, { min: 0, max: 0xffffff });
    if (embed.timestamp !== undefined && embed.timestamp !== null) {
      if (typeof embed.timestamp !== "string" || Number.isNaN(Date.parse(embed.timestamp))) {
        errors.add([...at, "timestamp"], "DATE_TYPE_PARSE", "Could not parse timestamp.");
      }
    }
    const footer = checkObject(errors, [...at, "footer"], embed.footer);
    if (footer !== null) {
      const text = checkString(errors, [...at, "footer", "text"], footer.text, {
        min: 1,
        max: LIMITS.footerText,
        required: true,
        trimmed: true,
      });
      total += charCount(text ?? "");
      checkUrl(errors, [...at, "footer", "icon_url"], footer.icon_url, false);
    }
    const author = checkObject(errors, [...at, "author"], embed.author);
    if (author !== null) {
      const name = checkString(errors, [...at, "author", "name"], author.name, {
        min: 1,
        max: LIMITS.authorName,
        required: true,
        trimmed: true,
      });
      total += charCount(name ?? "");
      checkUrl(errors, [...at, "author", "url"], author.url, false);
      checkUrl(errors, [...at, "author", "icon_url"], author.icon_url, false);
    }
    for (const media of ["image", "thumbnail"] as const) {
      const item = checkObject(errors, [...at, media], embed[media]);
      if (item !== null) checkUrl(errors, [...at, media, "url"], item.url, true);
    }
    const fields = checkArray(errors, [...at, "fields"], embed.fields, {
      max: LIMITS.embedFields,
    });
    fields?.forEach((rawField, fieldIndex) => {
      const fieldPath = [...at, "fields", fieldIndex];
      const field = checkObject(errors, fieldPath, rawField);
      if (field === null) return;
      const name = checkString(errors, [...fieldPath, "name"], field.name, {
        min: 1,
        max: LIMITS.fieldName,
        required: true,
        trimmed: true,
      });
      const fieldValue = checkString(errors, [...fieldPath, "value"], field.value, {
        min: 1,
        max: LIMITS.fieldValue,
        required: true,
        trimmed: true,
      });
      checkBoolean(errors, [...fieldPath, "inline"], field.inline);
      total += charCount(name ?? "") + charCount(fieldValue ?? "");
    });
  });
  if (total > LIMITS.embedTotal) {
    errors.add(
      path,
      "MAX_EMBED_SIZE_EXCEEDED",
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
  }
  return { count: embeds.length, visible };
}

function checkUrl(errors: FormErrors, path: FormPath, value: unknown, required: boolean): void {
  const url = checkString(errors, path, value, { max: 2048, required });
  if (url === null) return;
  if (!/^(https?|attachment):\/\/\S+$/.test(url)) {
    errors.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
  }
}

/** Returns the number of action rows. */
function validateActionRows(errors: FormErrors, path: FormPath, value: unknown): number {
  const rows = checkArray(errors, path, value, { max: LIMITS.actionRows });
  if (rows === null) return 0;
  const customIds = new Set<string>();
  rows.forEach((rawRow, rowIndex) => {
    const rowPath = [...path, rowIndex];
    const row = checkObject(errors, rowPath, rawRow);
    if (row === null) return;
    if (row.type !== ComponentType.ActionRow) {
      errors.add(
        [...rowPath, "type"],
        "UNION_TYPE_CHOICES",
        'Value of field "type" must be one of (1,).',
      );
      return;
    }
    const children = checkArray(errors, [...rowPath, "components"], row.components, {
      min: 1,
      max: LIMITS.buttonsPerRow,
      required: true,
    });
    if (children === null) return;
    const types = children.map((child) => (isRecord(child) ? child.type : undefined));
    const hasSelect = types.some((type) => typeof type === "number" && SELECT_TYPES.has(type));
    if (hasSelect && children.length > 1) {
      errors.add(
        [...rowPath, "components"],
        "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        "The specified component exceeds the maximum width",
      );
    }
    children.forEach((rawChild, childIndex) => {
      const childPath = [...rowPath, "components", childIndex];
      const child = checkObject(errors, childPath, rawChild);
      if (child === null) return;
      if (child.type === ComponentType.Button) {
        validateButton(errors, childPath, child, customIds);
      } else if (typeof child.type === "number" && SELECT_TYPES.has(child.type)) {
        validateSelect(errors, childPath, child, customIds);
      } else {
        errors.add(
          [...childPath, "type"],
          "UNION_TYPE_CHOICES",
          'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
        );
      }
    });
  });
  return rows.length;
}

function validateCustomId(
  errors: FormErrors,
  path: FormPath,
  value: unknown,
  seen: Set<string>,
): void {
  const customId = checkString(errors, path, value, {
    min: 1,
    max: LIMITS.customId,
    required: true,
  });
  if (customId === null) return;
  if (seen.has(customId)) {
    errors.add(path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
  }
  seen.add(customId);
}

function validateButton(
  errors: FormErrors,
  path: FormPath,
  button: Record<string, unknown>,
  customIds: Set<string>,
): void {
  const style = checkInteger(errors, [...path, "style"], button.style, {
    min: 1,
    max: 6,
    required: true,
  });
  const label = checkString(errors, [...path, "label"], button.label, { max: LIMITS.buttonLabel });
  if ((label === null || label === "") && button.emoji === undefined && style !== 6) {
    errors.add([...path, "label"], "BASE_TYPE_REQUIRED", "A button needs a label or an emoji.");
  }
  if (style === 5) {
    checkUrl(errors, [...path, "url"], button.url, true);
    if (button.custom_id !== undefined) {
      errors.add(
        [...path, "custom_id"],
        "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
        "Link buttons cannot have a custom id.",
      );
    }
  } else if (style !== 6) {
    validateCustomId(errors, [...path, "custom_id"], button.custom_id, customIds);
    if (button.url !== undefined) {
      errors.add(
        [...path, "url"],
        "BUTTON_COMPONENT_URL_NOT_ALLOWED",
        "Only link buttons can have a url.",
      );
    }
  }
  checkBoolean(errors, [...path, "disabled"], button.disabled);
}

function validateSelect(
  errors: FormErrors,
  path: FormPath,
  select: Record<string, unknown>,
  customIds: Set<string>,
): void {
  validateCustomId(errors, [...path, "custom_id"], select.custom_id, customIds);
  checkString(errors, [...path, "placeholder"], select.placeholder, {
    max: LIMITS.selectPlaceholder,
  });
  const minValues = checkInteger(errors, [...path, "min_values"], select.min_values, {
    min: 0,
    max: 25,
  });
  const maxValues = checkInteger(errors, [...path, "max_values"], select.max_values, {
    min: 1,
    max: 25,
  });
  if (select.type !== ComponentType.StringSelect) return;
  const options = checkArray(errors, [...path, "options"], select.options, {
    min: 1,
    max: LIMITS.selectOptions,
    required: true,
  });
  if (options === null) return;
  const values = new Set<string>();
  options.forEach((rawOption, index) => {
    const optionPath = [...path, "options", index];
    const option = checkObject(errors, optionPath, rawOption);
    if (option === null) return;
    checkString(errors, [...optionPath, "label"], option.label, {
      min: 1,
      max: LIMITS.selectOptionText,
      required: true,
    });
    const value = checkString(errors, [...optionPath, "value"], option.value, {
      min: 1,
      max: LIMITS.selectOptionText,
      required: true,
    });
    checkString(errors, [...optionPath, "description"], option.description, {
      max: LIMITS.selectOptionText,
    });
    checkBoolean(errors, [...optionPath, "default"], option.default);
    if (value !== null) {
      if (values.has(value)) {
        errors.add(
          [...optionPath, "value"],
          "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
          "Select component option values must be unique",
        );
      }
      values.add(value);
    }
  });
  const preselected = options.filter((option) => isRecord(option) && option.default === true);
  if (preselected.length > (maxValues ?? 1)) {
    errors.add(
      [...path, "options"],
      "SELECT_COMPONENT_TOO_MANY_DEFAULT_OPTIONS",
      "The number of default options must not exceed max_values",
    );
  }
  if ((maxValues ?? 1) > options.length) {
    errors.add(
      [...path, "max_values"],
      "SELECT_COMPONENT_MAX_VALUES_TOO_LARGE",
      "max_values must be less than or equal to the number of options",
    );
  }
  if ((minValues ?? 1) > (maxValues ?? 1)) {
    errors.add(
      [...path, "min_values"],
      "SELECT_COMPONENT_MIN_MAX_INVALID",
      "min_values must not exceed max_values",
    );
  }
}

/** Components V2 layouts: only the top-level count is checked; the bot is not expected to use them. */
function validateTopLevelV2(errors: FormErrors, path: FormPath, value: unknown): number {
  const components = checkArray(errors, path, value, { max: 40 });
  return components?.length ?? 0;
}

function validateAllowedMentions(errors: FormErrors, path: FormPath, value: unknown): void {
  const mentions = checkObject(errors, path, value);
  if (mentions === null) return;
  const parse = checkArray(errors, [...path, "parse"], mentions.parse, { max: 3 });
  parse?.forEach((item, index) => {
    if (item !== "users" && item !== "roles" && item !== "everyone") {
      errors.add(
        [...path, "parse", index],
        "BASE_TYPE_CHOICES",
        "Value must be one of {'users', 'roles', 'everyone'}.",
      );
    }
  });
  for (const key of ["users", "roles"] as const) {
    const ids = checkArray(errors, [...path, key], mentions[key], {
      max: LIMITS.allowedMentionIds,
    });
    if (ids !== null && ids.length > 0 && parse?.includes(key)) {
      errors.add(
        [...path, key],
        "ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${key}"] and ${key}: [ids...] are mutually exclusive.`,
      );
    }
  }
  checkBoolean(errors, [...path, "replied_user"], mentions.replied_user);
}

function validateMessageReference(errors: FormErrors, path: FormPath, value: unknown): void {
  const reference = checkObject(errors, path, value);
  if (reference === null) return;
  if (typeof reference.message_id !== "string" || !/^\d{17,20}$/.test(reference.message_id)) {
    errors.add([...path, "message_id"], "NUMBER_TYPE_COERCE", "Value is not snowflake.");
  }
  checkBoolean(errors, [...path, "fail_if_not_exists"], reference.fail_if_not_exists);
}

/** Autocomplete result (callback type 8): `choices` ≤ 25, name 1–100, value ≤ 100 characters. */
export function validateAutocompleteChoices(
  errors: FormErrors,
  path: FormPath,
  data: Record<string, unknown>,
  focusedType: number,
): void {
  const choices = checkArray(errors, [...path, "choices"], data.choices, {
    max: LIMITS.autocompleteChoices,
    required: true,
  });
  choices?.forEach((raw, index) => {
    const at = [...path, "choices", index];
    const choice = checkObject(errors, at, raw);
    if (choice === null) return;
    checkString(errors, [...at, "name"], choice.name, {
      min: 1,
      max: LIMITS.choiceName,
      required: true,
    });
    if (focusedType === 3) {
      checkString(errors, [...at, "value"], choice.value, {
        max: LIMITS.choiceValue,
        required: true,
      });
    } else if (typeof choice.value !== "number") {
      errors.add([...at, "value"], "NUMBER_TYPE_COERCE", "Value is not a number.");
    }
  });
}

/** Modal (callback type 9): title ≤ 45, custom_id ≤ 100, 1–5 action rows each holding one text input. */
export function validateModal(
  errors: FormErrors,
  path: FormPath,
  data: Record<string, unknown>,
): void {
  checkString(errors, [...path, "custom_id"], data.custom_id, {
    min: 1,
    max: LIMITS.customId,
    required: true,
  });
  checkString(errors, [...path, "title"], data.title, { min: 1, max: 45, required: true });
  const rows = checkArray(errors, [...path, "components"], data.components, {
    min: 1,
    max: 5,
    required: true,
  });
  rows?.forEach((rawRow, index) => {
    const row = checkObject(errors, [...path, "components", index], rawRow);
    const inputs =
      row === null
        ? null
        : checkArray(errors, [...path, "components", index, "components"], row.components, {
            min: 1,
            max: 1,
            required: true,
          });
    inputs?.forEach((rawInput, inputIndex) => {
      const at = [...path, "components", index, "components", inputIndex];
      const input = checkObject(errors, at, rawInput);
      if (input === null) return;
      if (input.type !== ComponentType.TextInput) {
        errors.add([...at, "type"], "UNION_TYPE_CHOICES", "Modals only hold text inputs here.");
      }
      checkString(errors, [...at, "custom_id"], input.custom_id, {
        min: 1,
        max: LIMITS.customId,
        required: true,
      });
      checkString(errors, [...at, "label"], input.label, { min: 1, max: 45 });
    });
  });
}
