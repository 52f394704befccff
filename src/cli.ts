import { createInterface } from "node:readline";
import type { Answer } from "./answers/types.ts";
import { loadConfig, type Config } from "./config.ts";
import { CountryField } from "./dataset/schema.ts";
import type { ConversationState } from "./conversation/state.ts";
import type { Engine } from "./engine.ts";
import { renderAnswerText } from "./render/text.ts";

/**
 * `npm run ask -- "<question>"` prints the text answer; `--json` prints the JSON object of
 * DESIGN.md; `--json` without a question answers standard input line by line (JSON Lines), all
 * in this one process so a batch costs one start-up. With `--conversation`, the lines of standard
 * input are one conversation (follow-ups read against the earlier lines) and an empty line
 * starts a new one.
 */

const USAGE =
  'usage: npm run --silent ask -- [--json] [--explain] "<question>"   (or --json [--conversation] with questions on stdin)';

/** The whole answer as the terminal prints it, without the "Try:" line, uncoloured. */
export function answerBody(answer: Answer & { kind: "answer" | "compare" }): string {
  return renderAnswerText({ ...answer, suggestions: [] }, { color: false });
}

/** The `ask --json` contract: only these keys, in this order. */
export function answerJson(answer: Answer): Record<string, unknown> {
  switch (answer.kind) {
    case "answer":
      return {
        kind: answer.kind,
        country: answer.country,
        // A country field is the country's, even narrowed to a policy's share (its sources).
        policy: CountryField.safeParse(answer.field).success ? null : answer.policy,
        field: answer.field,
        text: answer.text,
        body: answerBody(answer),
        sources: answer.sources,
      };
    case "compare":
      return {
        kind: answer.kind,
        country: answer.country,
        policies: [...answer.policies].sort(),
        field: answer.field,
        text: answer.text,
        body: answerBody(answer),
        sources: answer.sources,
      };
    case "clarify":
      return { kind: answer.kind, text: answer.text, suggestions: answer.suggestions };
    case "none":
      return { kind: answer.kind, text: answer.text };
  }
}

async function loadEngine(config: Config): Promise<Engine> {
  const [{ loadDataset, defaultDataDir }, { createEngine }] = await Promise.all([
    import("./dataset/load.ts"),
    import("./create-engine.ts"),
  ]);
  return createEngine(loadDataset(config.dataDir ?? defaultDataDir()));
}

/** `--explain`: the evidence the resolver decided from, as a table, before the answer. */
async function explainText(engine: Engine, question: string): Promise<string> {
  const [{ buildCatalog }, { explainQuestion }, { evidenceTable }] = await Promise.all([
    import("./search/catalog.ts"),
    import("./search/resolve.ts"),
    import("./search/resolve/evidence.ts"),
  ]);
  return `${evidenceTable(explainQuestion(buildCatalog(engine.countries), question).evidence)}\n`;
}

async function answerStdin(
  engine: Engine,
  json: boolean,
  color: boolean,
  conversation: boolean,
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length > 0) process.stdout.write(`${buffer.join("\n")}\n`);
    buffer = [];
  };
  let state: ConversationState | null = null;
  for await (const line of lines) {
    let answer: Answer;
    if (!conversation) {
      answer = engine.ask(line);
    } else if (line.trim() === "") {
      // An empty line ends the conversation; it has no answer of its own.
      state = null;
      continue;
    } else {
      const turn = engine.converse(line, state);
      state = turn.state;
      answer = turn.answer;
    }
    buffer.push(
      json ? JSON.stringify(answerJson(answer)) : `${renderAnswerText(answer, { color })}\n`,
    );
    if (buffer.length >= 200) flush();
  }
  flush();
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const conversation = argv.includes("--conversation");
  const explain = argv.includes("--explain");
  const rest = argv.filter(
    (arg) => arg !== "--json" && arg !== "--conversation" && arg !== "--explain",
  );
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const question = rest.join(" ").trim();
  if (question === "" && process.stdin.isTTY) {
    console.error(USAGE);
    return 2;
  }
  const config = await loadConfig("start");
  const engine = await loadEngine(config);
  const color = !json && process.stdout.isTTY === true && !config.noColor;
  if (question === "") {
    await answerStdin(engine, json, color, conversation);
    return 0;
  }
  if (explain) console.log(await explainText(engine, question));
  const answer = engine.ask(question);
  console.log(json ? JSON.stringify(answerJson(answer)) : renderAnswerText(answer, { color }));
  return 0;
}

// Output piped into `head` that closes early is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
