import { createInterface } from "node:readline";
import { fixture } from "./fixture.ts";
import { isRecord } from "./form-errors.ts";
import { DiscordHarness } from "./harness.ts";
import type { InteractionOutcome, OptionValue } from "./harness.ts";
import type { BotMessage } from "./server.ts";

/**
 * Runs the test server by hand, to try the bot without Discord:
 *
 *   npx tsx test/discord-server/cli.ts            (prints the .env lines to use)
 *   npm run deploy-commands && npm start          (with those variables, in another terminal)
 *
 * Then type here: `/policy name:torch section:budget` runs a slash command, `?policy name tor`
 * shows autocomplete choices, `!press <label>` / `!select <value>` act on the last message,
 * `#ask-policy text` posts in the ask-channel, anything else mentions the bot in #general.
 */

/**
 * `/compare a:torch b:city clusters field:budget` → name and options. Values may hold spaces and
 * colons: only `optionNames` of the command (when known) start a new option.
 */
export function parseSlashLine(
  line: string,
  optionNames: (command: string) => readonly string[] | null = () => null,
): { name: string; options: Record<string, string> } {
  const [head = "", ...rest] = line.trim().replace(/^\//, "").split(/\s+/);
  const known = optionNames(head);
  const options: Record<string, string> = {};
  const body = rest.join(" ");
  const keys = [...body.matchAll(/(?:^|\s)([a-z0-9_-]+):/g)].filter(
    (match) => known === null || known.includes(match[1] ?? ""),
  );
  keys.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = keys[index + 1]?.index ?? body.length;
    const key = match[1];
    if (key) options[key] = body.slice(start, end).trim();
  });
  return { name: head, options };
}

export function describeMessage(message: BotMessage | null): string {
  if (!message) return "(nothing)";
  const lines: string[] = [];
  if (message.ephemeral) lines.push("[only you can see this]");
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds) {
    if (embed.title) lines.push(`## ${embed.title}`);
    if (embed.description) lines.push(embed.description);
    for (const field of embed.fields ?? []) lines.push(`- ${field.name}: ${field.value}`);
    if (embed.image) lines.push(`[image ${embed.image.url}]`);
    if (embed.footer) lines.push(`(${embed.footer.text})`);
  }
  for (const row of message.components) {
    for (const component of row.components) {
      if (component.type === 2) lines.push(`[button] ${component.label ?? ""}`);
      if (component.type === 3) {
        lines.push(
          `[select] ${(component.options ?? []).map((option) => option.value).join(" | ")}`,
        );
      }
    }
  }
  for (const file of message.files) lines.push(`[file ${file.name}, ${file.size} bytes]`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const portArgument = process.argv.indexOf("--port");
  const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : 0;
  const harness = await DiscordHarness.start({ port, verbose: process.argv.includes("--verbose") });
  console.log(
    [
      "Discord-compatible test server running. Use these variables for the bot:",
      `DISCORD_API_URL=${harness.apiUrl}`,
      `DISCORD_TOKEN=${harness.token}`,
      `DISCORD_CLIENT_ID=${fixture.applicationId}`,
      `DISCORD_GUILD_ID=${fixture.guild.id}`,
      `ASK_CHANNEL_IDS=${fixture.channels.askPolicy.id}`,
      "",
    ].join("\n"),
  );
  let last: BotMessage | null = null;
  const show = (outcome: InteractionOutcome): void => {
    if (outcome.choices)
      console.log(outcome.choices.map((choice) => `- ${choice.name} (${choice.value})`).join("\n"));
    else console.log(describeMessage(outcome.message));
    if (outcome.message) last = outcome.message;
  };
  const input = createInterface({ input: process.stdin });
  for await (const raw of input) {
    const line = raw.trim();
    if (!line) continue;
    try {
      if (line.startsWith("/")) {
        const { name, options } = parseSlashLine(line, (command) => {
          const definition = harness.server.findCommand(command);
          return Array.isArray(definition?.options)
            ? definition.options.map((option) => (isRecord(option) ? String(option.name) : ""))
            : null;
        });
        show(await harness.slash(name, options satisfies Record<string, OptionValue>));
      } else if (line.startsWith("?")) {
        const [name = "", focused = "", ...typed] = line.slice(1).trim().split(/\s+/);
        show(await harness.autocompleteOutcome(name, focused, typed.join(" ")));
      } else if (line.startsWith("!press ") || line.startsWith("!select ")) {
        const target: BotMessage | null = last;
        if (!target) throw new Error("No message to act on yet");
        const [verb, ...words] = line.split(/\s+/);
        const wanted = words.join(" ");
        const components = target.components.flatMap((row) => row.components);
        if (verb === "!press") {
          const button = components.find(
            (component) =>
              component.type === 2 &&
              (component.label ?? "").toLowerCase().includes(wanted.toLowerCase()),
          );
          if (!button?.custom_id) throw new Error(`No button whose label contains "${wanted}"`);
          show(await harness.pressButton(target, button.custom_id));
        } else {
          const menu = components.find((component) => component.type === 3);
          if (!menu?.custom_id) throw new Error("No select menu");
          show(await harness.selectOption(target, menu.custom_id, [wanted]));
        }
      } else if (line.startsWith("#ask-policy ")) {
        last = await harness.say(line.slice("#ask-policy ".length), { channel: "askPolicy" });
        console.log(describeMessage(last));
      } else {
        last = await harness.say(line, { mentionBot: true });
        console.log(describeMessage(last));
      }
    } catch (error) {
      console.log(`! ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await harness.stop();
}

if (process.argv[1]?.endsWith("cli.ts")) await main();
