import type { Country } from "../dataset/schema.ts";
import type { Locale } from "./catalog.ts";

const HAN_ONLY = /^[\p{Script=Han}\s·]+$/u;

/**
 * Names in a language beside the English ones: for Chinese, the policy's or country's alias
 * written in Chinese characters (火炬计划 beside TORCH Program). English names → local names.
 */
export function localNames(
  countries: readonly Country[],
  locale: Locale,
): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  if (locale !== "zh-CN") return names;
  const add = (english: string, aliases: readonly string[]): void => {
    const local = aliases.find((alias) => HAN_ONLY.test(alias));
    if (local) names.set(english, local);
  };
  for (const country of countries) {
    add(country.name, country.aliases);
    for (const policy of country.policies) add(policy.short_name, policy.aliases);
  }
  return names;
}
