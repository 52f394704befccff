import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";
import type { LogLevel } from "./log-levels.ts";
import { prettyLogLine } from "./pretty.ts";
import { REDACTED, createRedactor } from "./redact.ts";

/**
 * The process's structured log: pino, one JSON object per line when the output is a pipe or a
 * file (what log collectors read), a readable line on a terminal. Secrets are redacted by the
 * logger itself, on the finished line, whoever logs what.
 */

export { LOG_LEVELS, type LogLevel } from "./log-levels.ts";
export type StructuredLogger = PinoLogger;

export interface LoggerOptions {
  level?: LogLevel;
  /** Values that must never be written (the bot token…); blank ones are ignored. */
  secrets?: readonly (string | null | undefined)[];
  /**
   * Where lines go: a file descriptor or a stream (tests). Default: standard output, with
   * warnings and errors on standard error (as console.log and console.error split them).
   */
  destination?: number | DestinationStream;
  /** Readable lines instead of JSON (default: when the file descriptor is a terminal). */
  pretty?: boolean;
  /** Colour in readable lines (default: pretty on a terminal and NO_COLOR unset). */
  colour?: boolean;
}

// Field names whose value is a credential wherever they appear (two levels deep).
const SECRET_KEYS = ["token", "password", "secret", "authorization", "apiKey", "api_key"];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

function isTerminal(fd: number): boolean {
  return (fd === 1 && process.stdout.isTTY === true) || (fd === 2 && process.stderr.isTTY === true);
}

/** Lines kept before one write when the output is a pipe or a file (bytes; below SonicBoom's maxWrite). */
const BATCH_BYTES = 8 * 1024;
/** The longest a line waits for its batch (ms): a log collector still sees it at once. */
const BATCH_MS = 100;

/**
 * A file descriptor's stream, written asynchronously: a slow reader of the pipe must not stall
 * the event loop (and with it the answers). Routine lines to a pipe or a file (one per
 * interaction) are written in batches, every BATCH_BYTES or BATCH_MS, rather than one system
 * call each; a terminal, and standard error (warnings and errors), get every line at once.
 * The batch is an array joined once when it is written: left to SonicBoom (`minLength`), each
 * line is appended to one growing string whose byte length is measured on every write, which
 * flattens it each time (per line, a copy of the whole batch so far) and profiled as the
 * largest allocation per interaction.
 */
function fdStream(fd: number, pretty: boolean, colour: boolean): DestinationStream {
  const batched = !pretty && fd === 1;
  const sink = pino.destination({ dest: fd, sync: false });
  if (pretty) return { write: (line: string) => sink.write(prettyLogLine(line, colour)) };
  if (!batched) return sink;
  let lines: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    const text = lines.length === 1 ? (lines[0] ?? "") : lines.join("");
    lines = [];
    length = 0;
    sink.write(text);
  };
  const timer = setInterval(flush, BATCH_MS);
  timer.unref();
  // What is still batched when the process exits is written before it goes.
  const onExit = (): void => {
    flush();
    sink.flushSync();
  };
  process.once("exit", onExit);
  sink.on("close", () => {
    clearInterval(timer);
    process.off("exit", onExit);
  });
  return {
    write(line: string) {
      lines.push(line);
      length += line.length;
      if (length >= BATCH_BYTES) flush();
    },
  };
}

export function createLogger(options: LoggerOptions = {}): StructuredLogger {
  const target = options.destination;
  const pretty =
    options.pretty ??
    (typeof target === "number" ? isTerminal(target) : target === undefined && isTerminal(1));
  const colour = options.colour ?? (pretty && !process.env.NO_COLOR);
  let stream: DestinationStream;
  if (target === undefined) {
    // Each line goes to one stream: the last whose level it reaches.
    stream = pino.multistream(
      [
        { level: "trace", stream: fdStream(1, pretty, colour) },
        { level: "warn", stream: fdStream(2, pretty, colour) },
      ],
      { dedupe: true },
    );
  } else if (typeof target === "number") {
    stream = fdStream(target, pretty, colour);
  } else {
    stream = pretty
      ? { write: (line: string) => target.write(prettyLogLine(line, colour)) }
      : target;
  }
  const redactText = createRedactor(options.secrets ?? []);
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
      hooks: { streamWrite: redactText },
    },
    stream,
  );
}

/**
 * A child for lines whose fields the code fixes itself (ids, names, numbers: no credential can be
 * among them), such as the line logged for every interaction. It skips the search for credential
 * fields by name, which on every line profiled as the largest single source of allocation on
 * the hot path; the redaction of the finished line (secrets, token shapes) still applies.
 */
export function knownFieldsLogger(logger: StructuredLogger): StructuredLogger {
  return logger.child({}, { redact: { paths: [] } });
}
