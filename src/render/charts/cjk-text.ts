import type { Country } from "../../dataset/schema.ts";
import { catalogues } from "../../i18n/catalog.ts";
import { localNames } from "../../i18n/names.ts";
import { dejaVuDraws } from "./font.ts";

/**
 * The characters a chart in Chinese can contain beyond what DejaVu draws: everything the zh-CN
 * catalogue says and the Chinese names of the dataset's policies and countries. The shipped
 * Noto Sans SC subset holds exactly these (`npm run subset-cjk-font`), so it stays small.
 */
export function charactersBeyondDejaVu(countries: readonly Country[]): string[] {
  const texts = [
    ...Object.values(catalogues().get("zh-CN") ?? {}),
    ...localNames(countries, "zh-CN").values(),
  ];
  const needed = new Set<string>();
  for (const text of texts) {
    for (const char of text) {
      if (/\s/u.test(char)) continue;
      if (!dejaVuDraws(char, "normal") || !dejaVuDraws(char, "bold")) needed.add(char);
    }
  }
  return [...needed].sort();
}
