import type { Command } from "../src/command-api.ts";
import { askCommand } from "./ask.ts";
import { compareCommand } from "./compare.ts";
import { exportCommand } from "./export.ts";
import { helpCommand } from "./help.ts";
import { maturityCommand } from "./maturity.ts";
import { policyCommand } from "./policy.ts";
import { sourcesCommand } from "./sources.ts";

export type CommandRegistry = ReadonlyMap<string, Command>;

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

/** Commands by name. Two commands with one name would shadow each other, so that is an error. */
export function createCommandRegistry(
  commands: readonly Command[] = ALL_COMMANDS,
): CommandRegistry {
  const registry = new Map<string, Command>();
  for (const command of commands) {
    const name = command.data.name;
    if (registry.has(name))
      throw new Error(`Two commands are named "${name}"; names must be unique.`);
    registry.set(name, command);
  }
  return registry;
}
