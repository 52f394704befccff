import { createLogger, type StructuredLogger } from "../ops/logger.ts";

/** Where the bot writes what happened; tests pass a quiet one, the bot the process's logger. */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** The Logger calls as pino records: an error goes in `err`, serialised with its stack. */
export function loggerFrom(structured: StructuredLogger): Logger {
  return {
    info: (message) => structured.info(message),
    warn: (message, error) =>
      error === undefined ? structured.warn(message) : structured.warn({ err: error }, message),
    error: (message, error) =>
      error === undefined ? structured.error(message) : structured.error({ err: error }, message),
  };
}

let fallback: Logger | null = null;

/**
 * A default for code that is given no logger: pino on standard output at level info. Created on
 * first use, so importing this module costs nothing.
 */
export const consoleLogger: Logger = {
  info: (message) => (fallback ??= loggerFrom(createLogger())).info(message),
  warn: (message, error) => (fallback ??= loggerFrom(createLogger())).warn(message, error),
  error: (message, error) => (fallback ??= loggerFrom(createLogger())).error(message, error),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
