import {
  Locale,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { catalogues, LOCALES, type Locale as CatalogueLocale } from "./catalog.ts";

/**
 * Command definitions with `name_localizations` / `description_localizations` from the
 * catalogues, so Discord shows each user the command in their client's language. Keys:
 * `cmd.<command>.name|description`, `cmd.<command>.opt.<option>.name|description`, and for a
 * choice `choice.<value>`, else the section label `section.<value>`.
 */

/** Catalogue locales as Discord names them. */
const DISCORD_LOCALE: Readonly<Record<Exclude<CatalogueLocale, "en">, keyof LocalizationMap>> = {
  "zh-CN": Locale.ChineseCN,
};

function localizations(...keys: string[]): LocalizationMap | undefined {
  const map: LocalizationMap = {};
  for (const locale of LOCALES) {
    if (locale === "en") continue;
    const own = catalogues().get(locale) ?? {};
    const text = keys.map((key) => own[key]).find((value) => value !== undefined);
    if (text !== undefined) map[DISCORD_LOCALE[locale]] = text;
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

function withLocalizations<T extends object>(
  target: T,
  names: LocalizationMap | undefined,
  descriptions?: LocalizationMap,
): T {
  return {
    ...target,
    ...(names ? { name_localizations: names } : {}),
    ...(descriptions ? { description_localizations: descriptions } : {}),
  };
}

type Definition =
  | RESTPostAPIChatInputApplicationCommandsJSONBody
  | RESTPostAPIContextMenuApplicationCommandsJSONBody;

export function localizeDefinition<T extends Definition>(definition: T): T {
  const base = `cmd.${definition.name}`;
  // Context-menu commands have a name only.
  if (!("description" in definition)) {
    return withLocalizations(definition, localizations(`${base}.name`));
  }
  const options = definition.options?.map((option) => {
    const at = `${base}.opt.${option.name}`;
    const localized = withLocalizations(
      option,
      localizations(`${at}.name`),
      localizations(`${at}.description`),
    );
    if (!("choices" in localized) || !Array.isArray(localized.choices)) return localized;
    const choices = localized.choices.map((choice: { name: string; value: string | number }) =>
      withLocalizations(choice, localizations(`choice.${choice.value}`, `section.${choice.value}`)),
    );
    return { ...localized, choices };
  });
  return withLocalizations(
    { ...definition, ...(options ? { options } : {}) },
    localizations(`${base}.name`),
    localizations(`${base}.description`),
  );
}
