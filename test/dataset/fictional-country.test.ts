import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { computeMaturity } from "../../src/dataset/maturity.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, "../fixtures/countries");
const both = mkdtempSync(path.join(tmpdir(), "policybot-data-"));
copyFileSync(path.join(defaultDataDir(), "china.json"), path.join(both, "china.json"));
copyFileSync(path.join(fixtures, "ruritania.json"), path.join(both, "ruritania.json"));
afterAll(() => rmSync(both, { recursive: true, force: true }));

describe("a second, fictional country through the same loader", () => {
  it("Ruritania loads with its two policies and facts", () => {
    const [ruritania, ...rest] = loadDataset(fixtures);
    expect(rest).toEqual([]);
    expect(ruritania?.id).toBe("ruritania");
    expect(ruritania?.policies.map((p) => p.id)).toEqual(["strelsau-clusters", "zenda-innovation"]);
    expect(ruritania?.policies[1]?.end_year.value).toBe(2022);
    expect(ruritania?.policies[0]?.budget.amounts[0]?.amount_eur).toBe(40_000_000);
    expect(computeMaturity(ruritania!).total).toBe(6);
  });

  it("China and Ruritania load together: ids, aliases and scores cross-check", () => {
    const countries = loadDataset(both);
    expect(countries.map((c) => c.id)).toEqual(["china", "ruritania"]);
    expect(countries.flatMap((c) => c.policies).length).toBe(5);
  });

  it("the default data directory is found from the module, not the working directory", () => {
    expect(defaultDataDir()).toBe(path.resolve(here, "../../data/countries") + path.sep);
  });
});
