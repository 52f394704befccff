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
  /** Where lines go: a file descriptor (default 1, stdout) or a stream (tests). */
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

export function createLogger(options: LoggerOptions = {}): StructuredLogger {
  const target = options.destination ?? 1;
  const pretty = options.pretty ?? (typeof target === "number" && isTerminal(target));
  const colour = options.colour ?? (pretty && !process.env.NO_COLOR);
  // Written asynchronously: a slow reader of the pipe must not stall the event loop (and with it
  // the answers); pino flushes what is buffered when the process exits.
  const sink: DestinationStream =
    typeof target === "number" ? pino.destination({ dest: target, sync: false }) : target;
  const stream: DestinationStream = pretty
    ? { write: (line: string) => sink.write(prettyLogLine(line, colour)) }
    : sink;
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
