import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runMain, scratchDir } from "../console/run-main.ts";

describe("the offline console, asked in Chinese", () => {
  it("answers a Chinese question with Chinese headings and labels, an English one in English", async () => {
    const cwd = scratchDir();
    const run = await runMain({
      stdin: "火炬计划的预算是多少？\n中国的集群政策成熟度\ntorch budget?\n",
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^TORCH Program（火炬计划） — 预算\n/);
    expect(run.stdout).toMatch(/\n {2}资金来源 {2}State government/);
    expect(run.stdout).toMatch(/\n来源：Country factsheet: China/);
    expect(run.stdout).toMatch(/\nChina（中国） — 集群政策成熟度\n/);
    expect(run.stdout).toMatch(/\n {2}政策范围 +█+ {2}2 \/ 2/);
    expect(run.stdout).toMatch(/图表：.*maturity-china\.png/);
    expect(existsSync(path.join(cwd, "maturity-china.png"))).toBe(true);
    expect(run.stdout).toMatch(/\nTORCH Program — budget\n/);
    expect(run.stdout).toMatch(/\nSources: Country factsheet: China/);
  });
});
