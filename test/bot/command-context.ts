import type { Command, CommandOptions, ReplyView } from "../../src/command-api.ts";
import { UserError } from "../../src/command-api.ts";
import type { Engine } from "../../src/engine.ts";

/** A command run as a plain function: options in, the views it replied with (or its error) out. */
export interface CommandRun {
  views: ReplyView[];
  error: unknown;
}

export function fakeOptions(values: Record<string, string>): CommandOptions {
  const getString = (name: string): string | null => values[name] ?? null;
  return {
    getString,
    getRequiredString(name) {
      const value = getString(name);
      if (value === null) throw new UserError(`The option “${name}” is required.`);
      return value;
    },
  };
}

export async function runCommand(
  command: Command,
  engine: Engine,
  values: Record<string, string> = {},
): Promise<CommandRun> {
  const views: ReplyView[] = [];
  let error: unknown = null;
  try {
    await command.execute({
      engine,
      options: fakeOptions(values),
      reply: async (view) => {
        views.push(view);
      },
    });
  } catch (caught) {
    error = caught;
  }
  return { views, error };
}

/** The one view a command replied with; fails the test when it replied otherwise or threw. */
export async function replyOf(
  command: Command,
  engine: Engine,
  values: Record<string, string> = {},
): Promise<ReplyView> {
  const { views, error } = await runCommand(command, engine, values);
  if (error) throw error;
  const [view] = views;
  if (views.length !== 1 || !view) throw new Error(`expected one reply, got ${views.length}`);
  return view;
}

export function autocompleteOf(
  command: Command,
  engine: Engine,
  focused: { name: string; value: string },
  values: Record<string, string> = {},
) {
  if (!command.autocomplete) throw new Error(`/${command.data.name} has no autocomplete`);
  return command.autocomplete({ engine, options: fakeOptions(values), focused });
}
