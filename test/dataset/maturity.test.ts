import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPublishedMaturity, computeMaturity } from "../../src/dataset/maturity.ts";
import { CountrySchema } from "../../src/dataset/schema.ts";
import type { Country } from "../../src/dataset/schema.ts";

/** A fresh, validated copy of the fictional country to vary one fact at a time. */
function ruritania(): Country {
  const raw: unknown = JSON.parse(readFileSync("test/fixtures/countries/ruritania.json", "utf8"));
  return CountrySchema.parse(raw);
}

function score(country: Country, id: string): number | undefined {
  return computeMaturity(country).dimensions.find((d) => d.id === id)?.score;
}

function reason(country: Country, id: string): string | undefined {
  return computeMaturity(country).dimensions.find((d) => d.id === id)?.reason;
}

describe("maturity rules computed from the policy facts", () => {
  it("the fictional country scores 6 of 7, matching its published index", () => {
    const country = ruritania();
    const computed = computeMaturity(country);
    expect(computed.dimensions.map((d) => [d.id, d.score, d.max])).toEqual([
      ["policy_scope", 2, 2],
      ["consistency", 2, 2],
      ["evidence_of_performance", 1, 1],
      ["instruments", 1, 2],
    ]);
    expect(computed.total).toBe(6);
    expect(checkPublishedMaturity(country)).toEqual([]);
  });

  it("policy scope: only broader policies → 1", () => {
    const country = ruritania();
    for (const p of country.policies) p.type.kind = "broader_policy";
    expect(score(country, "policy_scope")).toBe(1);
    expect(reason(country, "policy_scope")).toMatch(/only through broader policies/);
  });

  it("consistency: no dedicated policy → 0 (scored solely with a dedicated cluster policy)", () => {
    const country = ruritania();
    for (const p of country.policies) p.type.kind = "broader_policy";
    expect(score(country, "consistency")).toBe(0);
  });

  it("consistency: a dedicated policy younger than 10 years → 1", () => {
    const country = ruritania();
    const strelsau = country.policies[0]!;
    strelsau.start_year.value = 2015;
    expect(score(country, "consistency")).toBe(1);
    expect(reason(country, "consistency")).toContain("Strelsau Clusters since 2015");
  });

  it("consistency: > 10 years as written — 11 years gives 2, exactly 10 years gives 1", () => {
    const country = ruritania();
    country.policies[0]!.start_year.value = 2009;
    expect(score(country, "consistency")).toBe(2);
    country.policies[0]!.start_year.value = 2010;
    expect(score(country, "consistency")).toBe(1);
  });

  it("consistency: a long policy that ended before the data year is interrupted → 1", () => {
    const country = ruritania();
    const strelsau = country.policies[0]!;
    strelsau.end_year.value = 2018;
    strelsau.end_year.period = "limited";
    expect(score(country, "consistency")).toBe(1);
    expect(reason(country, "consistency")).toContain("2005–2018 (ended)");
  });

  it("consistency: > 10 years with a gap between policies is interrupted → 1; no gap → 2", () => {
    const country = ruritania();
    const [strelsau, zenda] = country.policies;
    if (!strelsau || !zenda) throw new Error("fixture policies missing");
    zenda.type.kind = "national_cluster_policy";
    strelsau.end_year = { ...strelsau.end_year, value: 2009, period: "limited" };
    zenda.start_year.value = 2013;
    zenda.end_year = { ...zenda.end_year, value: null, period: "unlimited" };
    expect(score(country, "consistency")).toBe(1);
    expect(reason(country, "consistency")).toBe(
      "> 10 years of experience (since 2005) but interrupted: no dedicated cluster policy in 2010–2012 (Strelsau Clusters 2005–2009 (ended), Zenda Strategy since 2013)",
    );
    zenda.start_year.value = 2010;
    expect(score(country, "consistency")).toBe(2);
    expect(reason(country, "consistency")).toMatch(
      /^Dedicated cluster policies have followed one another without interruption since 2005/,
    );
  });

  it("evidence: none → 0; in-itinere → 0.5; past-policy evaluations → 0.5; plus ex-post → 1", () => {
    const country = ruritania();
    for (const p of country.policies) p.evaluation.status = "none";
    expect(score(country, "evidence_of_performance")).toBe(0);
    country.state_of_play.evaluation_terminated.available = true;
    expect(score(country, "evidence_of_performance")).toBe(0.5);
    expect(reason(country, "evidence_of_performance")).toMatch(
      /^Evaluations of past policies \(\+0\.5\)/,
    );
    country.policies[0]!.evaluation.status = "ex-ante";
    expect(score(country, "evidence_of_performance")).toBe(1);
  });

  it("instruments: one point per instrument type present in any policy", () => {
    const country = ruritania();
    expect(score(country, "instruments")).toBe(1);
    country.policies[1]!.instruments.technical_assistance = [
      "Support for networking and partnership building (at national and/or international level)",
    ];
    expect(score(country, "instruments")).toBe(2);
    expect(reason(country, "instruments")).toBe(
      "Financial instruments (Strelsau Clusters and Zenda Strategy) +1; technical assistance (Zenda Strategy) +1",
    );
    for (const p of country.policies) {
      p.instruments.financial = [];
      p.instruments.technical_assistance = [];
    }
    expect(score(country, "instruments")).toBe(0);
  });

  it("a published score the rules do not reproduce is reported at its JSON path", () => {
    const country = ruritania();
    country.policies[0]!.start_year.value = 2016;
    expect(checkPublishedMaturity(country)).toEqual([
      {
        path: "maturity.dimensions[1].score",
        message: expect.stringMatching(
          /^Consistency of cluster policies: published score 2, but the rules compute 1 /,
        ) as string,
      },
    ]);
  });
});
