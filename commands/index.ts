import type { Command, MessageCommand } from "../src/command-api.ts";
import { askMessageCommand } from "./ask-message.ts";
import { askCommand } from "./ask.ts";
import { compareCommand } from "./compare.ts";
import { exportCommand } from "./export.ts";
import { helpCommand } from "./help.ts";
import { maturityCommand } from "./maturity.ts";
import { policyCommand } from "./policy.ts";
import { sourcesCommand } from "./sources.ts";

/** Slash commands by name, and the message context-menu commands by theirs. */
export interface CommandRegistry extends ReadonlyMap<string, Command> {
  readonly messageCommands: ReadonlyMap<string, MessageCommand>;
}

/** Every slash command the bot offers, in the order /help and registration list them. */
export const ALL_COMMANDS: readonly Command[] = [
  policyCommand,
  compareCommand,
  maturityCommand,
  askCommand,
  sourcesCommand,
  exportCommand,
  helpCommand,
];

/** Commands on a message's Apps menu (right-click a message). */
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [askMessageCommand];

/**
 * Commands by name. Two commands of one kind with one name would shadow each other, so that is
 * an error (Discord allows a slash command and a message command to share a name).
 */
export function createCommandRegistry(
  commands: readonly Command[] = ALL_COMMANDS,
  messageCommands: readonly MessageCommand[] = MESSAGE_COMMANDS,
): CommandRegistry {
  return Object.assign(byUniqueName(commands, "/"), {
    messageCommands: byUniqueName(messageCommands, "message command "),
  });
}

function byUniqueName<T extends { data: { name: string } }>(
  commands: readonly T[],
  kind: string,
): Map<string, T> {
  const registry = new Map<string, T>();
  for (const command of commands) {
    const name = command.data.name;
    if (registry.has(name))
      throw new Error(`Two commands are named "${kind}${name}"; names must be unique.`);
    registry.set(name, command);
  }
  return registry;
}
