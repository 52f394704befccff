import { createHash } from "node:crypto";
import { DISCORD_LIMITS } from "./limits.ts";

/**
 * Suggestion buttons carry their question in the custom id, so a press answers even after a
 * restart. A question too long for the 100-character id gets a short hash key instead, mapped
 * back through a bounded in-memory table (a press after a restart then says it expired).
 */
const TEXT_PREFIX = "ask:";
const KEY_PREFIX = "ask#";
/** "Post for everyone" under a private answer: the same question, answered in public. */
const SHARE_TEXT_PREFIX = "share:";
const SHARE_KEY_PREFIX = "share#";
const MAX_REMEMBERED = 2000;
const longSuggestions = new Map<string, string>();

function questionCustomId(text: string, textPrefix: string, keyPrefix: string): string {
  const direct = textPrefix + text;
  if (direct.length <= DISCORD_LIMITS.button.customId) return direct;
  const key = createHash("sha256").update(text).digest("base64url").slice(0, 24);
  longSuggestions.delete(key);
  longSuggestions.set(key, text);
  if (longSuggestions.size > MAX_REMEMBERED) {
    const oldest = longSuggestions.keys().next();
    if (!oldest.done) longSuggestions.delete(oldest.value);
  }
  return keyPrefix + key;
}

function questionFromCustomId(
  customId: string,
  textPrefix: string,
  keyPrefix: string,
): string | null {
  if (customId.startsWith(textPrefix)) return customId.slice(textPrefix.length);
  if (customId.startsWith(keyPrefix)) {
    return longSuggestions.get(customId.slice(keyPrefix.length)) ?? null;
  }
  return null;
}

export function suggestionCustomId(text: string): string {
  return questionCustomId(text, TEXT_PREFIX, KEY_PREFIX);
}

export function isSuggestionCustomId(customId: string): boolean {
  return customId.startsWith(TEXT_PREFIX) || customId.startsWith(KEY_PREFIX);
}

/** The question a suggestion button stands for; null when it is no longer remembered. */
export function suggestionFromCustomId(customId: string): string | null {
  return questionFromCustomId(customId, TEXT_PREFIX, KEY_PREFIX);
}

export function shareCustomId(question: string): string {
  return questionCustomId(question, SHARE_TEXT_PREFIX, SHARE_KEY_PREFIX);
}

export function isShareCustomId(customId: string): boolean {
  return customId.startsWith(SHARE_TEXT_PREFIX) || customId.startsWith(SHARE_KEY_PREFIX);
}

/** The question whose answer a "Post for everyone" button posts; null once forgotten. */
export function shareQuestionFromCustomId(customId: string): string | null {
  return questionFromCustomId(customId, SHARE_TEXT_PREFIX, SHARE_KEY_PREFIX);
}

const SECTION_PREFIX = "policy-section:";

/** The section menu under a policy card; null when the policy id cannot fit a custom id. */
export function sectionMenuCustomId(policyId: string): string | null {
  const id = SECTION_PREFIX + policyId;
  return id.length <= DISCORD_LIMITS.select.customId ? id : null;
}

export function policyFromSectionMenuCustomId(customId: string): string | null {
  return customId.startsWith(SECTION_PREFIX) ? customId.slice(SECTION_PREFIX.length) : null;
}

/** The section menu's value for the card itself (no section). */
export const CARD_SECTION_VALUE = "card";
