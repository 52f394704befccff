import { describe, expect, it } from "vitest";
import { ALL_COMMANDS, MESSAGE_COMMANDS } from "../../commands/index.ts";
import {
  catalogues,
  CatalogueError,
  LOCALES,
  localeFromDiscord,
  missingKeys,
  parseCatalogue,
  questionLocale,
  t,
} from "../../src/i18n/catalog.ts";
import { localizeDefinition } from "../../src/i18n/command-localizations.ts";

describe("string catalogues", () => {
  it("load and validate at start-up, one per language", () => {
    expect([...catalogues().keys()]).toEqual([...LOCALES]);
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s misses no English key", (locale) => {
    expect(missingKeys(locale)).toEqual([]);
  });

  it("refuses a key English lacks, other placeholders, or an empty text, naming file and key", () => {
    const english = {
      "ui.share": "Post for everyone",
      "ui.moreNotShown": "{count} more not shown.",
    };
    expect(() => parseCatalogue("xx.json", { "ui.shar": "x" }, english)).toThrow(
      /xx.json: "ui.shar" is not a key of en.json/,
    );
    expect(() => parseCatalogue("xx.json", { "ui.moreNotShown": "另有 {n} 项" }, english)).toThrow(
      CatalogueError,
    );
    expect(() => parseCatalogue("xx.json", { "ui.share": "" }, english)).toThrow(/"ui.share"/);
  });

  it("falls back to English for a key a language lacks, and fills placeholders", () => {
    expect(t("zh-CN", "ui.moreNotShown", { count: 3 })).toBe("另有 3 项未显示。");
    expect(t("en", "ui.moreNotShown", { count: 3 })).toBe("3 more not shown.");
  });

  it("follows Discord's locale, and the script of a question", () => {
    expect(localeFromDiscord("zh-CN")).toBe("zh-CN");
    expect(localeFromDiscord("en-GB")).toBe("en");
    expect(localeFromDiscord(undefined)).toBe("en");
    expect(questionLocale("火炬计划的预算是多少？", "en")).toBe("zh-CN");
    expect(questionLocale("TORCH 的预算", "en")).toBe("zh-CN");
    expect(questionLocale("what is the budget of 火炬计划?", "en")).toBe("en");
    expect(questionLocale("torch budget?", "zh-CN")).toBe("zh-CN");
  });
});

describe("command localisations", () => {
  const definitions = [
    ...ALL_COMMANDS.map((command) => localizeDefinition(command.data.toJSON())),
    ...MESSAGE_COMMANDS.map((command) => localizeDefinition(command.data.toJSON())),
  ];

  it("give every command, option and choice a zh-CN name and description", () => {
    const missing: string[] = [];
    for (const definition of definitions) {
      if (!definition.name_localizations?.["zh-CN"]) missing.push(`${definition.name} name`);
      if ("description" in definition && !definition.description_localizations?.["zh-CN"]) {
        missing.push(`${definition.name} description`);
      }
      for (const option of ("options" in definition ? definition.options : undefined) ?? []) {
        if (!option.name_localizations?.["zh-CN"])
          missing.push(`${definition.name} ${option.name}`);
        if (!option.description_localizations?.["zh-CN"]) {
          missing.push(`${definition.name} ${option.name} description`);
        }
        for (const choice of "choices" in option ? (option.choices ?? []) : []) {
          if (!choice.name_localizations?.["zh-CN"]) {
            missing.push(`${definition.name} ${option.name} ${String(choice.value)}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("errors meant for the user", () => {
  it("are thrown in English and shown in the reader's language", async () => {
    const { userError, UserError } = await import("../../src/command-api.ts");
    const error = userError("error.samePolicyTwice", { name: "TORCH Program" });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      "You picked TORCH Program twice — choose different policies to compare.",
    );
    expect(error.inLocale("zh-CN")).toBe("你选了两次 TORCH Program——请选择不同的政策进行比较。");
    expect(new UserError("plain words").inLocale("zh-CN")).toBe("plain words");
  });
});
