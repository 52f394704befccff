import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("the ask CLI", () => {
  it("--json with standard input: one JSON line per question, in order, in one process", () => {
    const questions = [
      "torch budget",
      "compare city clusters and torch start year",
      "when did it start?",
      "horizon europe budget",
      "china maturity",
      "",
    ];
    const result = run(["--json"], `${questions.join("\n")}\n`);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(questions.length);
    expect(lines[0]).toMatchObject({
      kind: "answer",
      country: "china",
      policy: "torch",
      field: "budget",
    });
    expect(Object.keys(lines[0] ?? {})).toEqual([
      "kind",
      "country",
      "policy",
      "field",
      "text",
      "body",
      "sources",
    ]);
    // The whole answer as the terminal prints it, minus the "Try:" line; its cited sections.
    expect(String(lines[0]?.body)).toMatch(/^TORCH Program — budget\n/);
    expect(String(lines[0]?.body)).toContain(String(lines[0]?.text).slice(0, 30));
    expect(String(lines[0]?.body)).not.toContain("Try:");
    expect(lines[0]?.sources).toEqual(expect.arrayContaining([expect.stringMatching(/BUDGET/)]));
    expect(lines[1]).toMatchObject({
      kind: "compare",
      country: "china",
      policies: ["city-clusters", "torch"],
      field: "start_year",
    });
    expect(Object.keys(lines[1] ?? {})).toEqual([
      "kind",
      "country",
      "policies",
      "field",
      "text",
      "body",
      "sources",
    ]);
    expect(Object.keys(lines[2] ?? {})).toEqual(["kind", "text", "suggestions"]);
    expect(lines[2]?.kind).toBe("clarify");
    expect(lines[3]).toEqual({ kind: "none", text: expect.any(String) });
    expect(lines[4]).toMatchObject({ kind: "answer", policy: null, field: "maturity" });
    expect(String(lines[4]?.text)).toContain("6.5 of 7");
    expect(lines[5]?.kind).toBe("none");
  });

  it("--conversation: follow-ups read against earlier lines; an empty line starts afresh", () => {
    const lines = [
      "tell me about torch",
      "and its budget?",
      "what about city clusters?",
      "",
      "and its budget?",
      "/not a command",
    ];
    const result = run(["--json", "--conversation"], `${lines.join("\n")}\n`);
    expect(result.status).toBe(0);
    const answers = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // One object per non-empty line.
    expect(answers).toHaveLength(5);
    expect(answers[1]).toMatchObject({ kind: "answer", policy: "torch", field: "budget" });
    expect(String(answers[1]?.body)).toMatch(/^TORCH Program — budget/);
    expect(answers[2]).toMatchObject({ kind: "answer", policy: "city-clusters", field: "budget" });
    expect(answers[3]?.kind).toBe("clarify");
    // Without --conversation every line stands alone.
    const alone = run(["--json"], "tell me about torch\nand its budget?\n");
    expect(JSON.parse(alone.stdout.trimEnd().split("\n")[1] ?? "{}")).toMatchObject({
      kind: "clarify",
    });
  });

  it("a question argument prints the text answer; --json prints one object", () => {
    const text = run(["torch", "start", "year"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("The TORCH Program started in 1988; it has no end year.");
    const json = run(["--json", "gba budget"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: "answer",
      policy: "greater-bay-area",
      field: "budget",
    });
  });
});
