import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/create-engine.ts";
import { syntheticCountries } from "../../bench/synthetic.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const values = (query: string, limit?: number) =>
  engine.suggestPolicies(query, limit).map((c) => c.value);

describe("suggestPolicies (autocomplete)", () => {
  it("an empty query lists every policy", () => {
    expect(values("")).toEqual(["torch", "city-clusters", "greater-bay-area"]);
  });

  it("ranks exact, then prefix, then alias, then fuzzy", () => {
    expect(values("torch")[0]).toBe("torch");
    expect(values("gr")[0]).toBe("greater-bay-area");
    expect(values("City")[0]).toBe("city-clusters");
    expect(values("innofund")).toEqual(["torch"]);
    expect(values("pearl")[0]).toBe("greater-bay-area");
    expect(values("torhc")[0]).toBe("torch");
    expect(values("火炬")[0]).toBe("torch");
  });

  it("does not pad a plain match with far fuzzy ones", () => {
    expect(values("gba")).toEqual(["greater-bay-area"]);
    expect(values("torhc")[0]).toBe("torch");
  });

  it("says which alias matched when the label does not show it", () => {
    const [choice] = engine.suggestPolicies("innofund");
    expect(choice?.name).toContain("TORCH Program");
    expect(choice?.name.toLowerCase()).toContain("innofund");
  });

  it("gives at most 25 choices by default, unique policy ids, names of at most 100 characters", () => {
    const big = createEngine(syntheticCountries(300));
    const all = big.suggestPolicies("");
    expect(all).toHaveLength(25);
    const cluster = big.suggestPolicies("cluster");
    expect(cluster.length).toBeLessThanOrEqual(25);
    expect(new Set(cluster.map((c) => c.value)).size).toBe(cluster.length);
    expect(big.suggestPolicies("", 3)).toHaveLength(3);
    for (const choice of [...all, ...cluster]) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it("suggestCountries lists and finds countries", () => {
    expect(engine.suggestCountries("")).toEqual([{ name: "China", value: "china" }]);
    expect(engine.suggestCountries("ch")[0]?.value).toBe("china");
    expect(engine.suggestCountries("zzzz")).toEqual([]);
  });
});

describe("findPolicy and findCountry: only a clear winner", () => {
  it.each([
    ["torch", "torch"],
    ["TORCH Program", "torch"],
    ["greater-bay-area", "greater-bay-area"],
    ["GBA", "greater-bay-area"],
    ["torhc", "torch"],
    ["城市群", "city-clusters"],
  ])("%s → %s", (ref, policy) => {
    expect(engine.findPolicy(ref)).toMatchObject({ country: "china", policy });
  });

  it.each(["the plan", "cluster", "horizon europe", "", "policy"])("%j → null", (ref) => {
    expect(engine.findPolicy(ref)).toBeNull();
  });

  it.each([
    ["china", "china"],
    ["China", "china"],
    ["PRC", "china"],
    ["中国", "china"],
    ["chinese", "china"],
    ["Chnia", "china"],
  ])("%s → %s", (ref, country) => {
    expect(engine.findCountry(ref)).toBe(country);
  });

  it.each(["germany", "", "xyz"])("%j → null", (ref) => {
    expect(engine.findCountry(ref)).toBeNull();
  });
});
