import { createHash } from "node:crypto";
import { DISCORD_LIMITS } from "./limits.ts";

/**
 * Suggestion buttons carry their question in the custom id, so a press answers even after a
 * restart. A question too long for the 100-character id gets a short hash key instead, mapped
 * back through a bounded in-memory table (a press after a restart then says it expired).
 */
const TEXT_PREFIX = "ask:";
const KEY_PREFIX = "ask#";
const MAX_REMEMBERED = 2000;
const longSuggestions = new Map<string, string>();

export function suggestionCustomId(text: string): string {
  const direct = TEXT_PREFIX + text;
  if (direct.length <= DISCORD_LIMITS.button.customId) return direct;
  const key = createHash("sha256").update(text).digest("base64url").slice(0, 24);
  longSuggestions.delete(key);
  longSuggestions.set(key, text);
  if (longSuggestions.size > MAX_REMEMBERED) {
    const oldest = longSuggestions.keys().next();
    if (!oldest.done) longSuggestions.delete(oldest.value);
  }
  return KEY_PREFIX + key;
}

export function isSuggestionCustomId(customId: string): boolean {
  return customId.startsWith(TEXT_PREFIX) || customId.startsWith(KEY_PREFIX);
}

/** The question a suggestion button stands for; null when it is no longer remembered. */
export function suggestionFromCustomId(customId: string): string | null {
  if (customId.startsWith(TEXT_PREFIX)) return customId.slice(TEXT_PREFIX.length);
  if (customId.startsWith(KEY_PREFIX)) {
    return longSuggestions.get(customId.slice(KEY_PREFIX.length)) ?? null;
  }
  return null;
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
