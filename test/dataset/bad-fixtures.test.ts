import { describe, expect, it } from "vitest";
import { DatasetError, formatProblem, loadDataset } from "../../src/dataset/load.ts";
import type { DatasetProblem } from "../../src/dataset/load.ts";

const BAD = "test/fixtures/bad";

function problemsOf(fixture: string): DatasetProblem[] {
  try {
    loadDataset(`${BAD}/${fixture}`);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error(`${fixture} loaded without a problem`);
}

/** fixture → every problem expected, as [file, JSON path, message pattern]. */
const CASES: Record<string, [file: string, path: string, message: RegExp][]> = {
  "missing-field": [["ruritania.json", "policies[0].summary", /^Required field is missing$/]],
  "missing-vocabulary-field": [
    ["ruritania.json", "policies[0].type.kind", /^Required field is missing$/],
  ],
  "wrong-type": [
    ["ruritania.json", "policies[1].start_year.value", /^Expected number, received string$/],
  ],
  "wrong-year-form": [
    ["ruritania.json", "bibliography[0].year", /^"2019" matches none of the allowed forms/],
  ],
  "unknown-vocabulary": [
    [
      "ruritania.json",
      "policies[0].beneficiaries.items[1]",
      /^"Startups" is not an allowed value\. Did you mean "Start-ups"\? Expected one of: "SMEs"/,
    ],
  ],
  "unknown-extra-key": [
    ["ruritania.json", "policies[0].budget.total_eur", /^Unknown field "total_eur"/],
  ],
  "bad-id-format": [
    ["ruritania.json", "policies[0].id", /^"Strelsau_Clusters" must be a lowercase id/],
  ],
  "empty-policies": [["ruritania.json", "policies", /^Must have at least 1 item/]],
  "not-an-object": [["ruritania.json", "", /^Expected object, received array$/]],
  "duplicate-country-id": [
    [
      "2-ruritania.json",
      "id",
      /^Duplicate country id "ruritania" \(also in test\/fixtures\/bad\/duplicate-country-id\/1-ruritania\.json\)$/,
    ],
  ],
  "duplicate-policy-id": [
    ["ruritania.json", "policies[1].id", /^Duplicate policy id "strelsau-clusters"/],
  ],
  "duplicate-policy-id-across-countries": [
    [
      "ruritania.json",
      "policies[1].id",
      /^Duplicate policy id "zenda-innovation" \(also in .*grand-fenwick\.json: policies\[1\]\.id\)$/,
    ],
  ],
  "shared-alias": [
    [
      "ruritania.json",
      "policies[1].aliases[1]",
      /^"strelsau clusters" also names policy "strelsau-clusters" .*one policy only$/,
    ],
  ],
  "end-before-start": [
    ["ruritania.json", "policies[1].end_year.value", /^End year 2012 is before start year 2015$/],
  ],
  "derived-from-unknown": [
    [
      "ruritania.json",
      "policies[1].derived_from.policy",
      /^"hentzau-plan" is no other policy of ruritania$/,
    ],
  ],
  "period-mismatch": [
    ["ruritania.json", "policies[0].end_year.value", /^An unlimited period has no end year/],
  ],
  "amount-years-reversed": [
    [
      "ruritania.json",
      "policies[0].budget.amounts[0].to_year",
      /ends \(2005\) before it starts \(2015\)/,
    ],
  ],
  "score-above-max": [
    [
      "ruritania.json",
      "maturity.dimensions[3].score",
      /^Instruments: score 3 exceeds its maximum 2$/,
    ],
    [
      "ruritania.json",
      "maturity.dimensions[3].score",
      /^Instruments: published score 3, but the rules compute 1 /,
    ],
  ],
  "maturity-mismatch": [
    [
      "ruritania.json",
      "maturity.dimensions[2].score",
      /^Evidence of performance: published score 0\.5, but the rules compute 1 from the policies \(In-itinere evaluation of Zenda Strategy \(\+0\.5\); no policy evaluation for terminated policies \(“Fictional: none”\); ex-post evaluation of Strelsau Clusters \(\+0\.5\)\)$/,
    ],
  ],
  "maturity-max-mismatch": [
    ["ruritania.json", "maturity.dimensions[2].max", /published maximum 2, but .* maximum of 1$/],
  ],
  "many-problems": [
    [
      "a-ruritania.json",
      "policies[0].objectives.items[2]",
      /^"Making clocks" is not an allowed value/,
    ],
    ["a-ruritania.json", "policies[1].start_year.value", /^Expected number, received string$/],
    ["a-ruritania.json", "state_of_play.continuity", /^Required field is missing$/],
    ["b-broken.json", "", /^Invalid JSON: Expected ',' or '}' after property value$/],
  ],
};

describe("malformed data: every problem names its file and JSON path", () => {
  it("covers at least 12 malformed fixtures", () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(12);
  });

  for (const [fixture, expected] of Object.entries(CASES)) {
    it(fixture, () => {
      const problems = problemsOf(fixture);
      expect(problems.map((p) => [p.file, p.path])).toEqual(
        expected.map(([file, path]) => [`${BAD}/${fixture}/${file}`, path]),
      );
      problems.forEach((problem, i) => expect(problem.message).toMatch(expected[i]?.[2] ?? /^$/));
    });
  }

  it("invalid JSON gives the line and column where parsing stopped", () => {
    const [problem, ...rest] = problemsOf("invalid-json");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: `${BAD}/invalid-json/ruritania.json`,
      path: "",
      line: 4,
      column: 1,
    });
    expect(formatProblem(problem!)).toBe(
      `${BAD}/invalid-json/ruritania.json:4:1: Invalid JSON: Expected double-quoted property name`,
    );
    const broken = problemsOf("many-problems").find((p) => p.file.endsWith("b-broken.json"));
    expect([broken?.line, broken?.column]).toEqual([3, 3]);
  });

  it("a directory without country files is a problem, not an empty dataset", () => {
    expect(problemsOf("no-country-files")).toEqual([
      {
        file: `${BAD}/no-country-files`,
        path: "",
        message: "No country files (*.json) in the data directory",
      },
    ]);
    expect(problemsOf("does-not-exist")).toEqual([
      { file: `${BAD}/does-not-exist`, path: "", message: "Data directory not found" },
    ]);
  });

  it("the error message lists every problem as `file: path: message`", () => {
    let message = "";
    try {
      loadDataset(`${BAD}/many-problems`);
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid country data (4 problems):");
    expect(lines).toContain(
      `  ${BAD}/many-problems/a-ruritania.json: policies[1].start_year.value: Expected number, received string`,
    );
    expect(lines).toContain(
      `  ${BAD}/many-problems/a-ruritania.json: state_of_play.continuity: Required field is missing`,
    );
    expect(lines).toContain(
      `  ${BAD}/many-problems/b-broken.json:3:3: Invalid JSON: Expected ',' or '}' after property value`,
    );
  });
});
