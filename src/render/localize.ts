import type { Answer } from "../answers/types.ts";
import type { Country } from "../dataset/schema.ts";
import { lookup, t, type Locale } from "../i18n/catalog.ts";
import { localNames } from "../i18n/names.ts";

/**
 * The bot's own words around an answer in the reader's language, shared by every renderer
 * (Discord, terminal, charts). The facts stay in the source's language (English); only headings
 * and labels are looked up, and the reader's names of policies and countries go beside the
 * English ones.
 */

export type BodyAnswer = Extract<Answer, { kind: "answer" | "compare" }>;

/** A label the answer gives in English, in the reader's language when the catalogue has it. */
export function localLabel(name: string, locale: Locale): string {
  if (locale === "en") return name;
  return lookup(locale, `label.${name}`) ?? name;
}

/** English names with the reader's names beside them: "TORCH Program（火炬计划）". */
export function withLocalNames(
  text: string,
  names: ReadonlyMap<string, string> | undefined,
): string {
  if (!names || names.size === 0) return text;
  let out = text;
  for (const [english, local] of names) {
    if (out.includes(local)) continue;
    const at = out.indexOf(english);
    if (at >= 0)
      out = `${out.slice(0, at + english.length)}（${local}）${out.slice(at + english.length)}`;
  }
  return out;
}

/**
 * The heading in the reader's language: the English subject (facts stay in English) with its
 * local name beside it, and the part after " — " (the section or the country fact) translated.
 */
export function localTitle(
  answer: BodyAnswer,
  locale: Locale,
  names?: ReadonlyMap<string, string>,
): string {
  if (locale === "en") return answer.title;
  if (answer.kind === "answer" && answer.field === "help") return t(locale, "title.help");
  const cut = answer.title.lastIndexOf(" — ");
  const subject = withLocalNames(cut >= 0 ? answer.title.slice(0, cut) : answer.title, names);
  if (cut < 0) return subject;
  const countryFact = answer.kind === "answer" && answer.policy === null;
  const key = answer.field === null ? null : `${countryFact ? "title" : "section"}.${answer.field}`;
  const tail = key ? lookup(locale, key) : null;
  return `${subject} — ${tail ?? answer.title.slice(cut + 3)}`;
}

const namesByCountries = new WeakMap<
  readonly Country[],
  Map<Locale, ReadonlyMap<string, string>>
>();

/** The reader's names of the dataset's policies and countries (worked out once per dataset). */
export function localNamesOf(
  countries: readonly Country[],
  locale: Locale,
): ReadonlyMap<string, string> {
  let byLocale = namesByCountries.get(countries);
  if (!byLocale) {
    byLocale = new Map();
    namesByCountries.set(countries, byLocale);
  }
  let names = byLocale.get(locale);
  if (!names) {
    names = localNames(countries, locale);
    byLocale.set(locale, names);
  }
  return names;
}

/**
 * Autocomplete choices with the reader's names beside the English ones ("TORCH Program（火炬计划）");
 * the values, which the command reads back, stay as they are.
 */
export function withLocalChoiceNames<T extends { name: string; value: string }>(
  choices: readonly T[],
  countries: readonly Country[],
  locale: Locale,
): T[] {
  if (locale === "en") return [...choices];
  const names = localNamesOf(countries, locale);
  return choices.map((choice) => ({ ...choice, name: withLocalNames(choice.name, names) }));
}
