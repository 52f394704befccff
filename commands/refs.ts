import type { APIApplicationCommandStringOption } from "discord-api-types/v10";
import { stringOption } from "../src/command-definition.ts";
import type { CommandOptions, ReplyView } from "../src/command-api.ts";
import { userError } from "../src/command-api.ts";
import { PolicyField } from "../src/dataset/schema.ts";
import type { Engine } from "../src/engine.ts";
import { t, type Locale } from "../src/i18n/catalog.ts";
import { POLICY_FIELD_LABELS } from "../src/render/field-labels.ts";
import { DISCORD_LIMITS, truncate } from "../src/render/limits.ts";

/**
 * What the commands share: re-checking what the user typed (autocomplete only suggests; a user
 * can send anything) and the polite refusal with the closest names.
 */

/**
 * A policy or country option the user fills from autocomplete. Its value may be no longer than an
 * autocomplete choice's value, since that is all a picked choice can send.
 */
export function nameOption(
  name: string,
  description: string,
  required = false,
): APIApplicationCommandStringOption {
  return stringOption({
    name,
    description,
    required,
    autocomplete: true,
    maxLength: DISCORD_LIMITS.autocomplete.valueMax,
  });
}

const QUOTED_REF_MAX = 80;
const DID_YOU_MEAN = 3;
/** With nothing close, the refusal lists this many known names so the user can pick one. */
const KNOWN_LISTED = 5;

function quote(ref: string): string {
  const flat = ref.replace(/\s+/g, " ").trim();
  // truncate never leaves half an emoji, which Discord would refuse.
  return truncate(flat, QUOTED_REF_MAX);
}

function didYouMean(close: string[], known: string[], total: number, locale: Locale): string {
  if (close.length > 0) return t(locale, "error.didYouMean", { names: close.join(", ") });
  if (known.length === 0) return locale === "en" ? "." : "。";
  const more =
    total > known.length ? t(locale, "error.andMore", { count: total - known.length }) : "";
  return t(locale, "error.iKnow", { names: known.join(", "), more });
}

/** The refusal for a policy nobody has heard of, shown only to the asker. */
export function unknownPolicyView(engine: Engine, ref: string, locale: Locale = "en"): ReplyView {
  const names = engine.suggestPolicies(ref, DID_YOU_MEAN).map((choice) => choice.name);
  const known = engine.suggestPolicies("", KNOWN_LISTED).map((choice) => choice.name);
  const total = engine.countries.reduce((sum, country) => sum + country.policies.length, 0);
  return {
    answer: {
      kind: "none",
      text:
        t(locale, "error.unknownPolicy", { ref: quote(ref) }) +
        didYouMean(names, known, total, locale),
      suggestions: [],
    },
    ephemeral: true,
  };
}

export function unknownCountryView(engine: Engine, ref: string, locale: Locale = "en"): ReplyView {
  const names = engine.suggestCountries(ref, DID_YOU_MEAN).map((choice) => choice.name);
  const known = engine.suggestCountries("", KNOWN_LISTED).map((choice) => choice.name);
  const total = engine.countries.length;
  return {
    answer: {
      kind: "none",
      text:
        t(locale, "error.unknownCountry", { ref: quote(ref) }) +
        didYouMean(names, known, total, locale),
      suggestions: [],
    },
    ephemeral: true,
  };
}

/** A section given as its id ("start_year") or its readable name ("Start year"); null if absent. */
export function readSection(options: CommandOptions, name: string): PolicyField | null {
  const raw = options.getString(name)?.trim();
  if (!raw) return null;
  const byId = PolicyField.safeParse(raw.toLowerCase().replace(/[\s-]+/g, "_"));
  if (byId.success) return byId.data;
  const wanted = raw.toLowerCase();
  for (const field of PolicyField.options) {
    if (POLICY_FIELD_LABELS[field].toLowerCase() === wanted) return field;
  }
  const known = PolicyField.options.map((field) => POLICY_FIELD_LABELS[field]).join(", ");
  throw userError("error.unknownSection", { value: quote(raw), known });
}
