import { readFileSync } from "node:fs";
import { z } from "zod";
import { packagePath } from "../package-root.ts";
import { PARSED_ONCE } from "../parse-once.ts";

/**
 * What the bot itself says, one catalogue per language (data/i18n/<locale>.json), validated when
 * first used at start-up. English is complete by definition; another language may lack a key,
 * which then falls back to English (a test lists none missing). Facts stay in the source's
 * language: only labels, headings and the bot's own sentences are looked up here, by key.
 */

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const PLACEHOLDER = /\{(\w+)\}/g;
const KEY = /^[a-z]+\.[\w .()-]+$/i;

const CatalogueSchema = z.record(
  z.string().regex(KEY, "is not a catalogue key"),
  z.string().min(1),
);
export type Catalogue = Readonly<Record<string, string>>;

export class CatalogueError extends Error {
  override readonly name = "CatalogueError";
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "").sort();
}

/** Parses one language's catalogue against English: known keys, the same placeholders. */
export function parseCatalogue(file: string, raw: unknown, english: Catalogue | null): Catalogue {
  const parsed = CatalogueSchema.safeParse(raw, PARSED_ONCE);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join(".") ?? "";
    throw new CatalogueError(
      `${file}: ${where ? `"${where}" ` : ""}${issue?.message ?? "is invalid"}`,
    );
  }
  if (english) {
    for (const [key, text] of Object.entries(parsed.data)) {
      const source = english[key];
      if (source === undefined)
        throw new CatalogueError(`${file}: "${key}" is not a key of en.json`);
      if (placeholders(source).join() !== placeholders(text).join()) {
        throw new CatalogueError(
          `${file}: "${key}" must use the placeholders of en.json (${placeholders(source).join(", ") || "none"})`,
        );
      }
    }
  }
  return parsed.data;
}

function readCatalogue(locale: Locale, english: Catalogue | null): Catalogue {
  const file = packagePath("data", "i18n", `${locale}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CatalogueError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseCatalogue(file, raw, english);
}

let loaded: ReadonlyMap<Locale, Catalogue> | null = null;

/** Every catalogue, read and checked once (the bot calls this at start-up so a bad file stops it). */
export function catalogues(): ReadonlyMap<Locale, Catalogue> {
  if (loaded) return loaded;
  const english = readCatalogue("en", null);
  const all = new Map<Locale, Catalogue>([["en", english]]);
  for (const locale of LOCALES)
    if (locale !== "en") all.set(locale, readCatalogue(locale, english));
  loaded = all;
  return all;
}

/** English keys a language has no text for (shown in English). */
export function missingKeys(locale: Locale): string[] {
  const all = catalogues();
  const own = all.get(locale) ?? {};
  return Object.keys(all.get("en") ?? {}).filter((key) => own[key] === undefined);
}

/** The text for a key in a language, English when that language lacks it; null for no such key. */
export function lookup(locale: Locale, key: string): string | null {
  const all = catalogues();
  return all.get(locale)?.[key] ?? all.get("en")?.[key] ?? null;
}

/** The text for a key with its placeholders filled; the key itself when English lacks it too. */
export function t(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const text = lookup(locale, key) ?? key;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Discord's locale codes (en-US, en-GB, zh-CN, zh-TW, …) → a catalogue; English otherwise. */
export function localeFromDiscord(discordLocale: string | null | undefined): Locale {
  return discordLocale === "zh-CN" ? "zh-CN" : DEFAULT_LOCALE;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * A question written in Chinese gets Chinese labels whatever the client's language: Han
 * characters outnumber Latin letters (policy names such as "TORCH" may be mixed in).
 */
export function questionLocale(question: string, fallback: Locale): Locale {
  const han = question.match(HAN)?.length ?? 0;
  if (han === 0) return fallback;
  const latin = question.match(LATIN_LETTER)?.length ?? 0;
  return han * 2 >= latin ? "zh-CN" : fallback;
}
