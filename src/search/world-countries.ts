import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { Country } from "../dataset/schema.ts";
import { isCjk, normalizeText } from "../model/normalize.ts";

/**
 * The world's countries and the words people use for them, from the maintained ISO 3166-1
 * list of i18n-iso-countries (English and Chinese names) plus data/vocabulary/countries.json
 * (demonyms, everyday names). A question about a country that is not in the data is declined
 * by name ("Germany", "德国"), never answered with another country's facts.
 */
export interface WorldCountry {
  code: string;
  /** How a reply names it. */
  name: string;
  /** Latin words and phrases for it, normalised. */
  words: string[];
  /** Chinese names. */
  cjk: string[];
}

const LocaleFile = z.object({
  countries: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

const require = createRequire(import.meta.url);

const cache = new Map<string, Map<string, string[]>>();

/** One locale's names by ISO code, read once. */
function localeNames(locale: string): Map<string, string[]> {
  const cached = cache.get(locale);
  if (cached) return cached;
  const file = require.resolve(`i18n-iso-countries/langs/${locale}.json`);
  const parsed = LocaleFile.parse(JSON.parse(readFileSync(file, "utf8")));
  const out = new Map<string, string[]>();
  for (const [code, names] of Object.entries(parsed.countries)) {
    out.set(code, typeof names === "string" ? [names] : names);
  }
  cache.set(locale, out);
  return out;
}

/** "Korea, Republic of", "US": inverted or bare-letter forms are not how questions name a country. */
function usableName(name: string): boolean {
  return !/[,()]/u.test(name) && /\p{Ll}/u.test(name);
}

export function worldCountries(
  otherNames: Readonly<Record<string, readonly string[]>>,
  datasetCountries: readonly Country[],
): WorldCountry[] {
  // A dataset country's own places ("Hong Kong") are not foreign countries.
  const ownPlaces = new Set(
    datasetCountries.flatMap((c) => c.words?.own_places ?? []).map(normalizeText),
  );
  const english = localeNames("en");
  const chinese = localeNames("zh");
  const out: WorldCountry[] = [];
  for (const [code, names] of english) {
    const usable = names.filter(usableName);
    // Short ISO forms ("US") are read only as typed (capitalised_abbreviations); a short
    // other name is listed because it reads as the country whatever its case ("uk").
    const other = otherNames[code] ?? [];
    const words = [
      ...usable.map(normalizeText).filter((w) => w.length >= 3),
      ...other.filter((n) => !isCjk(n)).map(normalizeText),
    ].filter((w) => w !== "" && !ownPlaces.has(w));
    // The ISO list's Chinese name is sometimes a formal one ("中国台湾省"); the everyday name
    // ("台湾") comes from the other names.
    const cjk = [...(chinese.get(code) ?? []), ...other.filter(isCjk)].filter(
      (n) => isCjk(n) && !ownPlaces.has(n),
    );
    if (words.length === 0 && cjk.length === 0) continue;
    const name = [...usable].sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
    out.push({ code, name, words: [...new Set(words)], cjk });
  }
  return out;
}
