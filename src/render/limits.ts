/**
 * Every Discord limit the bot must respect, in one place. Lengths are counted in UTF-16 code
 * units (JavaScript's `.length`), which is never less than Discord's character count, so a
 * payload within these numbers is within Discord's whatever way a character is counted.
 */
export const DISCORD_LIMITS = {
  message: {
    content: 2000,
    embeds: 10,
    /** Sum of every embed's title, description, field names and values, footer and author. */
    embedTotal: 6000,
    actionRows: 5,
  },
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    author: 256,
  },
  button: {
    perRow: 5,
    label: 80,
    customId: 100,
  },
  select: {
    customId: 100,
    options: 25,
    optionLabel: 100,
    optionValue: 100,
    optionDescription: 100,
    placeholder: 150,
  },
  autocomplete: {
    choices: 25,
    nameMin: 1,
    nameMax: 100,
    valueMax: 100,
  },
  command: {
    nameMax: 32,
    descriptionMax: 100,
    options: 25,
    optionNameMax: 32,
    optionDescriptionMax: 100,
    choices: 25,
    choiceNameMax: 100,
    choiceValueMax: 100,
    stringOptionMaxLength: 6000,
    /** Name, description and every option's name, description and choices, summed. */
    totalCharacters: 4000,
  },
} as const;

/** The mark that shows a text was cut. */
export const ELLIPSIS = "…";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Cut `text` to at most `max` UTF-16 units, marking a cut with "…". Never splits a surrogate
 * pair (an emoji stays whole or goes), and prefers to cut at a word break near the end.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max < ELLIPSIS.length + 1) return ELLIPSIS.slice(0, max);
  let end = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  let head = text.slice(0, end);
  // A cut mid-word reads worse than one a few characters earlier at a space.
  const lastSpace = head.lastIndexOf(" ");
  if (lastSpace > 0 && end - lastSpace <= 20) head = head.slice(0, lastSpace);
  return head.trimEnd() + ELLIPSIS;
}

// eslint-disable-next-line no-control-regex -- these separators are exactly what Discord strips
const VISIBLE_CHARACTER = /[^\s\x1c-\x1f\x85]/;

/**
 * Blank as Discord sees it: only whitespace, counting the ASCII separators (U+001C–U+001F) and
 * U+0085 that Discord's server strips but JavaScript's trim() keeps. (A search for one visible
 * character: every reply checks many strings, and most answer at their first character.)
 */
export function isBlank(text: string): boolean {
  return !VISIBLE_CHARACTER.test(text);
}

const ANY_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Half an emoji (a UTF-16 surrogate without its partner) cannot be encoded as UTF-8, so Discord
 * fails the whole request (discord/discord-api-docs#6561). Such halves come from cutting user
 * text by `.length`; each becomes U+FFFD, which keeps the length.
 */
export function wellFormed(text: string): string {
  // Most text has no surrogate at all: nothing to look at more closely.
  if (!ANY_SURROGATE.test(text)) return text;
  return text.replace(LONE_SURROGATE, "\ufffd");
}

/** Discord rejects empty or blank names and values; this keeps a visible placeholder instead. */
export function nonBlank(text: string, placeholder = "—"): string {
  return isBlank(text) ? placeholder : text;
}
