import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";
import { CJK_PINYIN } from "../../src/search/vocabulary.ts";
import { loadDataset, defaultDataDir } from "../../src/dataset/load.ts";

describe("a Chinese name typed in pinyin reads as the name it spells", () => {
  it.each([
    ["huoju jihua 是哪个部门在管？", "torch", "Torch Center"],
    ["who runs Huǒjù Jìhuà?", "torch", "Torch Center"],
    ["chengshiqun start year", "city-clusters", "2006"],
    ["da wan qu 是哪一年开始的", "greater-bay-area", "2019"],
  ])("%s → %s", (text, policy, fact) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.policy).toBe(policy);
    expect(answer.text).toContain(fact);
  });

  it("an English word that happens to spell syllables keeps its meaning", () => {
    const answer = engine.ask("when did the dawn of torch happen");
    expect(answer.text).not.toMatch(/Greater Bay Area/);
  });

  it("every character of the data's Chinese names has its pinyin", () => {
    const names = loadDataset(defaultDataDir()).flatMap((country) =>
      country.policies.flatMap((policy) => policy.aliases),
    );
    const han = names.flatMap((name) => [...name].filter((c) => /\p{Script=Han}/u.test(c)));
    expect(han.length).toBeGreaterThan(0);
    expect(han.filter((c) => CJK_PINYIN[c] === undefined)).toEqual([]);
  });
});
