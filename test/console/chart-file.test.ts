import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import {
  chartFileName,
  chartTargetFromArgs,
  writeChartFile,
} from "../../src/console/chart-file.ts";

const body = { title: "t", text: "x", details: [], sources: [], suggestions: [] };
const maturity: Answer = {
  kind: "answer",
  country: "china",
  policy: null,
  field: "maturity",
  ...body,
};
const compare: Answer = {
  kind: "compare",
  country: "china",
  policies: ["city-clusters", "torch"],
  field: "start_year",
  ...body,
};

describe("chart files", () => {
  it("names the file after the chart and what it shows", () => {
    expect(chartFileName("maturity", maturity)).toBe("maturity-china.png");
    expect(chartFileName("timeline", compare)).toBe("timeline-city-clusters-torch.png");
  });

  it("reads --out as a folder or a file, and the current directory by default", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "policybot-out-"));
    expect(await chartTargetFromArgs([], cwd)).toEqual({ kind: "dir", dir: cwd });
    expect(await chartTargetFromArgs(["--out", "charts"], cwd)).toEqual({
      kind: "dir",
      dir: path.join(cwd, "charts"),
    });
    expect(await chartTargetFromArgs(["--out=one.png"], cwd)).toEqual({
      kind: "file",
      file: path.join(cwd, "one.png"),
    });
  });

  it("writes the bytes and reports a path the user can open", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "policybot-out-"));
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const shown = await writeChartFile(
      { kind: "dir", dir: path.join(cwd, "a") },
      "maturity",
      maturity,
      bytes,
      cwd,
    );
    expect(shown).toBe(`.${path.sep}${path.join("a", "maturity-china.png")}`);
    expect([...readFileSync(path.join(cwd, "a", "maturity-china.png"))]).toEqual([...bytes]);
    const elsewhere = mkdtempSync(path.join(tmpdir(), "policybot-else-"));
    const file = path.join(elsewhere, "x.png");
    expect(await writeChartFile({ kind: "file", file }, "timeline", compare, bytes, cwd)).toBe(
      file,
    );
  });
});
