import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_COMMANDS } from "../../commands/index.ts";
import type { Answer } from "../../src/answers/types.ts";
import { commandSpecs } from "../../src/console/command-line.ts";
import { renderViewText } from "../../src/console/render-view.ts";
import { createConsoleSession } from "../../src/console/session.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { REPO_ROOT } from "./run-main.ts";

/**
 * The README is a newcomer's first contact: every command it shows must answer, through the
 * same session as `npm start`, and its transcript must still match what the console prints.
 */
const README = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const COMMAND_NAMES = new Set(ALL_COMMANDS.map((command) => command.data.name));

interface TranscriptEntry {
  input: string;
  /** The line the README shows right after the input: the answer's heading. */
  firstLine: string;
}

/** `> …` lines of the ```console blocks, with the line printed after each. */
function transcriptEntries(markdown: string): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const blocks = markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm);
  for (const [, body = ""] of blocks) {
    const lines = body.split("\n");
    lines.forEach((line, index) => {
      if (line.startsWith("> ") && line !== "> /quit") {
        entries.push({ input: line.slice(2), firstLine: lines[index + 1] ?? "" });
      }
    });
  }
  return entries;
}

/**
 * Inline examples such as `/policy name:torch section:budget`; not usage patterns with <…>,
 * nor a bare name like `/ask` that only refers to a command needing options.
 */
function inlineExamples(markdown: string): string[] {
  const found = [...markdown.matchAll(/`(\/[a-z]+(?: [^`]*)?)`/g)].map(([, code = ""]) => code);
  return found.filter((code) => {
    const command = ALL_COMMANDS.find((c) => code.split(" ")[0] === `/${c.data.name}`);
    if (!command || /[<[…]/.test(code)) return false;
    const needsOptions = commandSpecs(command).some((spec) => spec.required);
    return code.includes(" ") || !needsOptions;
  });
}

const engine = createEngine(loadDataset(defaultDataDir()));

async function runLine(line: string): Promise<{ text: string; answers: Answer[] }> {
  const answers: Answer[] = [];
  const session = createConsoleSession({
    engine,
    commands: ALL_COMMANDS,
    renderView: async (view) => {
      answers.push(view.answer);
      return renderViewText(view, { color: false });
    },
    logError: () => {},
  });
  const { text } = await session.handleLine(line);
  return { text, answers };
}

describe("README examples", () => {
  const transcript = transcriptEntries(README);
  const inline = inlineExamples(README);

  it("has a transcript and inline examples covering every command", () => {
    expect(transcript.length).toBeGreaterThanOrEqual(3);
    const used = new Set(
      [...transcript.map((e) => e.input), ...inline].map((line) => /^\/([a-z]+)/.exec(line)?.[1]),
    );
    for (const name of COMMAND_NAMES) expect(used, `/${name} in the README`).toContain(name);
  });

  it("every transcript line still answers with the heading the README shows", async () => {
    for (const { input, firstLine } of transcript) {
      const { text, answers } = await runLine(input);
      expect(
        answers.map((a) => a.kind),
        input,
      ).toSatisfy(
        (kinds: string[]) =>
          kinds.length > 0 && kinds.every((kind) => kind === "answer" || kind === "compare"),
      );
      expect(text.split("\n")[0], input).toBe(firstLine);
    }
  });

  it("every inline example command produces an answer, not an error", async () => {
    expect(inline.length).toBeGreaterThanOrEqual(8);
    for (const line of inline) {
      const { answers } = await runLine(line);
      expect(
        answers.map((a) => a.kind),
        line,
      ).toSatisfy(
        (kinds: string[]) =>
          kinds.length > 0 && kinds.every((kind) => kind === "answer" || kind === "compare"),
      );
    }
  });
});
