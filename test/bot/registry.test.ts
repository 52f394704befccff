import { describe, expect, it } from "vitest";
import { ALL_COMMANDS, createCommandRegistry, MESSAGE_COMMANDS } from "../../commands/index.ts";
import type { Command, MessageCommand } from "../../src/command-api.ts";

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe("the command registry", () => {
  it("holds the slash commands and the message commands by name", () => {
    const registry = createCommandRegistry();
    expect([...registry.keys()]).toEqual([
      "policy",
      "compare",
      "maturity",
      "ask",
      "sources",
      "export",
      "help",
    ]);
    expect([...registry.messageCommands.keys()]).toEqual(["Ask policybot"]);
  });

  it("rejects two message commands with the same name", () => {
    const [ask] = MESSAGE_COMMANDS;
    if (!ask) throw new Error("no message commands");
    const impostor: MessageCommand = { ...ask, execute: async () => {} };
    expect(() => createCommandRegistry(ALL_COMMANDS, [ask, impostor])).toThrow(
      'Two commands are named "message command Ask policybot"',
    );
  });

  it("rejects two commands with the same name", () => {
    const [policy] = ALL_COMMANDS;
    if (!policy) throw new Error("no commands");
    const impostor: Command = { ...policy, execute: async () => {} };
    expect(() => createCommandRegistry([...ALL_COMMANDS, impostor])).toThrow(
      'Two commands are named "/policy"',
    );
  });
});

describe("each command definition follows Discord's rules", () => {
  for (const command of ALL_COMMANDS) {
    it(`/${command.data.name}`, () => {
      const json = command.data.toJSON();
      expect(json.name).toMatch(NAME);
      expect(json.description.length).toBeGreaterThanOrEqual(1);
      expect(json.description.length).toBeLessThanOrEqual(100);
      const options = json.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      let total = json.name.length + json.description.length;
      let seenOptional = false;
      const names = new Set<string>();
      for (const option of options) {
        expect(option.name).toMatch(NAME);
        expect(names.has(option.name)).toBe(false);
        names.add(option.name);
        expect(option.description.length).toBeGreaterThanOrEqual(1);
        expect(option.description.length).toBeLessThanOrEqual(100);
        total += option.name.length + option.description.length;
        // Required options must come before optional ones.
        if (option.required) expect(seenOptional).toBe(false);
        else seenOptional = true;
        if ("choices" in option && option.choices) {
          expect(option.choices.length).toBeLessThanOrEqual(25);
          if ("autocomplete" in option) expect(option.autocomplete).not.toBe(true);
          for (const choice of option.choices) {
            expect(choice.name.length).toBeGreaterThanOrEqual(1);
            expect(choice.name.length).toBeLessThanOrEqual(100);
            expect(String(choice.value).length).toBeLessThanOrEqual(100);
            total += choice.name.length + String(choice.value).length;
          }
        }
      }
      expect(total).toBeLessThanOrEqual(4000);
    });
  }

  it("offers autocomplete only where the command handles it", () => {
    for (const command of ALL_COMMANDS) {
      const wantsAutocomplete = (command.data.toJSON().options ?? []).some(
        (option) => "autocomplete" in option && option.autocomplete === true,
      );
      expect(wantsAutocomplete).toBe(command.autocomplete !== undefined);
    }
  });
});
