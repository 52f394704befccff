import readline from "node:readline";
import type { Command } from "../command-api.ts";
import type { Config } from "../config.ts";
import type { Engine } from "../engine.ts";
import {
  chartTargetFromArgs,
  writeChartFile,
  type ChartKind,
  type ChartTarget,
} from "./chart-file.ts";
import { writeAttachedFiles } from "./attached-files.ts";
import { completeLine } from "./complete.ts";
import { localNamesOf } from "../render/localize.ts";
import { renderViewText } from "./render-view.ts";
import { createConsoleSession } from "./session.ts";

type Input = NodeJS.ReadableStream & { isTTY?: boolean };
type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface RunConsoleOptions {
  input?: Input;
  /** Answers go here, and nothing else, so piped output can be read by a program. */
  output?: Output;
  /** The start-up line and internal error details. */
  errorOutput?: NodeJS.WritableStream;
  /** Interactive: prompt, line editing, history, tab completion, colour. Default: both ends are terminals. */
  isTTY?: boolean;
  /** For NO_COLOR and DATA_DIR; the process environment (after .env) by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Command-line arguments, for `--out <path>`. */
  argv?: readonly string[];
  cwd?: string;
  engine?: Engine;
  commands?: readonly Command[];
  /** Print the line saying that no token is set. */
  announce?: boolean;
}

export const NO_TOKEN_LINE =
  'DISCORD_TOKEN is not set, so this is the offline console (type /help, or /quit to leave). To connect to Discord, see "Connect to Discord" in README.md.';

const PROMPT = "> ";

const CONSOLE_HELP =
  "In this console: type a command as in Discord or just a question; Tab completes; /quit or Ctrl-D leaves.";

async function readConfig(env: RunConsoleOptions["env"]): Promise<Config> {
  const { parseConfig, loadConfig } = await import("../config.ts");
  return env ? parseConfig(env) : await loadConfig();
}

async function defaultEngine(config: Config): Promise<Engine> {
  const [{ loadDataset, defaultDataDir }, { createEngine }] = await Promise.all([
    import("../dataset/load.ts"),
    import("../create-engine.ts"),
  ]);
  return createEngine(loadDataset(config.dataDir ?? defaultDataDir()));
}

async function defaultCommands(): Promise<readonly Command[]> {
  const { ALL_COMMANDS } = await import("../../commands/index.ts");
  return ALL_COMMANDS;
}

function colourWanted(interactive: boolean, config: Config): boolean {
  return interactive && !config.noColor;
}

/**
 * The offline console: each line is a slash command as typed in Discord, or a question, run
 * through the bot's own command modules and engine and printed with the text renderer.
 * Resolves at end of input or on /quit.
 */
export async function runConsole(opts: RunConsoleOptions = {}): Promise<void> {
  const input: Input = opts.input ?? process.stdin;
  const output: Output = opts.output ?? process.stdout;
  const errorOutput = opts.errorOutput ?? process.stderr;
  const interactive = opts.isTTY ?? Boolean(input.isTTY && output.isTTY);
  const cwd = opts.cwd ?? process.cwd();

  if (opts.announce ?? true) errorOutput.write(`${NO_TOKEN_LINE}\n`);

  let config: Config;
  let loaded: [Engine, readonly Command[], ChartTarget];
  try {
    config = await readConfig(opts.env);
    loaded = await Promise.all([
      opts.engine ?? defaultEngine(config),
      opts.commands ?? defaultCommands(),
      chartTargetFromArgs(opts.argv ?? process.argv.slice(2), cwd),
    ]);
  } catch (error) {
    // Bad data or configuration is the user's to fix: say what, not where in our code.
    const message = error instanceof Error ? error.message : String(error);
    errorOutput.write(
      `The console cannot start: ${message}\nCheck DATA_DIR and run \`npm run validate-data\`.\n`,
    );
    process.exitCode = 1;
    return;
  }
  const [engine, commands, chartTarget] = loaded;
  const color = colourWanted(interactive, config);

  const saveChart = async (kind: ChartKind, view: Parameters<typeof renderViewText>[0]) => {
    // Loaded on first use: the rasteriser is a native module the console rarely needs.
    const { renderChartPng } = await import("../render/charts/index.ts");
    const locale = view.locale ?? "en";
    const png = renderChartPng(kind, view.answer, {
      locale,
      localNames: localNamesOf(engine.countries, locale),
    });
    return png ? writeChartFile(chartTarget, kind, view.answer, png, cwd) : null;
  };

  const session = createConsoleSession({
    engine,
    commands,
    renderView: async (view, command) => {
      const notes = command === "help" ? [CONSOLE_HELP] : [];
      // The picture only illustrates the answer: if it cannot be written, still answer.
      const chartPath = view.image
        ? await saveChart(view.image, view).catch((error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            notes.push(`(The chart could not be written: ${reason})`);
            return null;
          })
        : null;
      if (view.files?.length) {
        const files = view.files;
        await writeAttachedFiles(chartTarget, files, cwd).then(
          (paths) => notes.push(...paths.map((written) => `File: ${written}`)),
          (error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            notes.push(`(The files could not be written: ${reason})`);
          },
        );
      }
      const width = interactive && output.columns ? Math.min(output.columns, 120) : undefined;
      // A question written in Chinese is answered with Chinese headings and labels.
      const localNames = localNamesOf(engine.countries, view.locale ?? "en");
      return renderViewText(view, {
        color,
        chartPath,
        notes,
        localNames,
        ...(width ? { width } : {}),
      });
    },
    logError: (error) => {
      errorOutput.write(
        `Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    },
  });

  const rl = readline.createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: 500,
    ...(interactive
      ? { completer: (line: string) => completeLine(line, { engine, commands }) }
      : {}),
  });
  rl.setPrompt(PROMPT);
  if (interactive) {
    // Ctrl-C clears a half-typed line, as in a shell; on an empty line it leaves.
    rl.on("SIGINT", () => {
      if (rl.line.length > 0) {
        rl.write(null, { ctrl: true, name: "e" });
        rl.write(null, { ctrl: true, name: "u" });
      } else {
        rl.close();
      }
    });
    rl.prompt();
  }

  // A reader that goes away (`npm start | head`) ends the session quietly; nothing more to say.
  // The listener stays after the loop: a failed last write reports its error a tick later.
  let outputGone = false;
  const onOutputError = (error: NodeJS.ErrnoException): void => {
    outputGone = true;
    if (error.code !== "EPIPE") errorOutput.write(`Cannot write the answers: ${error.message}\n`);
    rl.close();
  };
  output.on("error", onOutputError);

  try {
    for await (const line of rl) {
      const { text, quit } = await session.handleLine(line);
      if (outputGone) break;
      if (text !== "") output.write(`${text}\n\n`);
      if (quit) break;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    if (interactive && !outputGone) output.write("\n");
  }
}
