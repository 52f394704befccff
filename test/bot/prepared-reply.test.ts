import { InteractionWebhook, MessagePayload, type Client } from "discord.js";
import { describe, expect, it } from "vitest";
import { askView } from "../../commands/ask.ts";
import { renderReply } from "../../src/bot/charts.ts";
import { createClient } from "../../src/bot/client.ts";
import { silentLogger } from "../../src/bot/log.ts";
import { replyOptions } from "../../src/bot/prepared-reply.ts";
import { memoizeEngine } from "../../src/engine-memo.ts";
import { jsonText } from "../../src/ops/frozen-json.ts";
import { safeReplyPayload } from "../../src/render/discord.ts";
import { chinaEngine } from "../china-engine.ts";

const client = createClient({ token: "t", apiUrl: null, askChannelIds: [] }, silentLogger);
// An interaction's own webhook: a target discord.js builds an interaction's reply body for. It
// only reads the client's options, so a client that never logs in serves (typed as logged in).
const target = new InteractionWebhook(client as Client<true>, "1", "token");
const engine = memoizeEngine(chinaEngine);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** What discord.js itself sends for these reply options: the request's JSON and its files. */
async function discordJsOwn(options: object): Promise<{ json: string; files: unknown }> {
  const { body, files } = await MessagePayload.create(target, options).resolveBody().resolveFiles();
  return { json: JSON.stringify(body), files };
}

async function prepared(options: Awaited<ReturnType<typeof renderReply>>) {
  const message = await replyOptions(target, options);
  if (!(message instanceof MessagePayload)) throw new Error("not prepared");
  const { body, files } = await message.resolveBody().resolveFiles();
  return { json: jsonText(body) ?? "", files };
}

describe("a kept reply handed to discord.js ready-made", () => {
  it("sends the body and files discord.js builds itself, reply after reply", async () => {
    for (const question of [
      "what is the budget of city clusters?",
      "compare torch and the greater bay area",
      "which policies does china have?",
      "what is the weather in Paris?",
    ]) {
      const view = askView(engine.ask(question));
      const first = await renderReply(view, undefined);
      const own = await discordJsOwn({ ...first, files: [...first.files] });
      expect(await prepared(first)).toEqual(own);
      // The second reply of the same answer gets the same body, not one changed by the first.
      const again = await renderReply(askView(engine.ask(question)), undefined);
      expect(await prepared(again)).toEqual(own);
      // What the reader sees: the answer's words and cards, as rendered.
      expect(JSON.parse(own.json)).toMatchObject({
        embeds: first.embeds,
        ...(first.content === undefined ? {} : { content: first.content }),
      });
    }
  });

  it("keeps a chart's file with the reply and lists it as an attachment", async () => {
    const view = { ...askView(engine.ask("how mature is china's cluster policy?")) };
    const first = await renderReply({ ...view, image: "maturity" }, async () => png);
    expect(first.files).toHaveLength(1);
    const own = await discordJsOwn({ ...first, files: [...first.files] });
    const twice = [await prepared(first), await prepared(first)];
    for (const reply of twice) {
      expect(reply).toEqual(own);
      expect(reply.files).toEqual([expect.objectContaining({ data: png })]);
      expect(JSON.parse(reply.json)).toMatchObject({ attachments: [{ id: "0" }] });
    }
  });

  it("leaves a reply that is not kept (an error message) to discord.js as it is", async () => {
    const error = safeReplyPayload({ content: "Something went wrong.", ephemeral: true });
    expect(await replyOptions(target, error)).toBe(error);
  });
});
