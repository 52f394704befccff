import { UserError, type Command, type ReplyView } from "../command-api.ts";
import { bindConversation } from "../conversation/bind.ts";
import type { ConversationState } from "../conversation/state.ts";
import type { Engine } from "../engine.ts";
import {
  QUIT_COMMANDS,
  commandSpecs,
  lineOptions,
  missingOptionError,
  optionFits,
  unknownCommandError,
} from "./command-line.ts";
import { bindOptions, parseLine } from "./parse-line.ts";

export interface ConsoleDeps {
  engine: Engine;
  commands: readonly Command[];
  /** Turns a command's reply into terminal text (and writes its picture, if any). */
  renderView(view: ReplyView, command: string): Promise<string>;
  /** Where internal failures are logged; the user only sees a generic line. */
  logError(error: unknown): void;
}

export interface LineResult {
  /** What to print for this line, already rendered; empty for a blank line. */
  text: string;
  quit: boolean;
}

export const INTERNAL_ERROR_LINE =
  "Sorry, something went wrong while answering that. The console is still running; try another question or /help.";

/** Name of the command that takes free text; a line that is not a command goes to it. */
const ASK_COMMAND = "ask";

/**
 * One console session: each line runs through the same command modules as the bot, so the
 * terminal shows what Discord would. A line can fail, the session cannot. The session is one
 * conversation: "and its budget?" after `/policy torch` is about TORCH.
 */
export function createConsoleSession(deps: ConsoleDeps): {
  handleLine(line: string): Promise<LineResult>;
} {
  const byName = new Map(deps.commands.map((command) => [command.data.name, command]));
  let conversation: ConversationState | null = null;

  async function runCommand(command: Command, values: Map<string, string>): Promise<string> {
    const turn = bindConversation(deps.engine, conversation);
    const missing = (name: string): UserError => missingOptionError(command, name, deps.engine);
    for (const spec of commandSpecs(command)) {
      if (spec.required && !values.has(spec.name)) throw missing(spec.name);
    }
    const views: ReplyView[] = [];
    try {
      await command.execute({
        engine: turn.engine,
        options: lineOptions(values, missing),
        reply: async (view) => {
          views.push(view);
        },
      });
    } finally {
      conversation = turn.state();
    }
    const rendered: string[] = [];
    for (const view of views) rendered.push(await deps.renderView(view, command.data.name));
    return rendered.join("\n\n");
  }

  async function answerQuestion(text: string): Promise<string> {
    const ask = byName.get(ASK_COMMAND);
    const questionOption = ask ? commandSpecs(ask)[0] : undefined;
    if (ask && questionOption) {
      return runCommand(ask, new Map([[questionOption.name, text]]));
    }
    const turn = deps.engine.converse(text, conversation);
    conversation = turn.state;
    return deps.renderView({ answer: turn.answer }, ASK_COMMAND);
  }

  async function respond(line: string): Promise<LineResult> {
    const parsed = parseLine(line);
    if (parsed.kind === "empty") return { text: "", quit: false };
    if (parsed.kind === "question") return { text: await answerQuestion(parsed.text), quit: false };
    if ((QUIT_COMMANDS as readonly string[]).includes(parsed.name)) return { text: "", quit: true };
    const command = byName.get(parsed.name);
    if (!command) throw unknownCommandError(parsed.name, deps.commands);
    const values = bindOptions(parsed.name, commandSpecs(command), parsed.tokens, (option, value) =>
      optionFits(command, deps.engine, option, value),
    );
    return { text: await runCommand(command, values), quit: false };
  }

  return {
    async handleLine(line) {
      try {
        return await respond(line);
      } catch (error) {
        if (error instanceof UserError) return { text: error.message, quit: false };
        deps.logError(error);
        return { text: INTERNAL_ERROR_LINE, quit: false };
      }
    },
  };
}
