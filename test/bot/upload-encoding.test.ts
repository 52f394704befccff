import { REST, type RESTOptions } from "discord.js";
import { describe, expect, it } from "vitest";
import { encodeUploadsDirectly, multipartPayloadJson } from "../../src/bot/buffered-multipart.ts";

type Init = Parameters<RESTOptions["makeRequest"]>[1];

/** A REST client whose requests are kept instead of sent. */
function capturingRest(direct: boolean): { rest: REST; sent: Init[] } {
  const sent: Init[] = [];
  const rest = new REST({
    api: "http://discord.invalid/api",
    retries: 0,
    makeRequest: (_url, init) => {
      sent.push(init);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
  }).setToken("token");
  if (direct) encodeUploadsDirectly(rest);
  return { rest, sent };
}

/** What a server reads from a request body: its fields, files with their names, types and bytes. */
async function readForm(init: Init | undefined): Promise<unknown[]> {
  if (!init) throw new Error("nothing sent");
  const headers = new Headers();
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, String(value));
  const body = init.body;
  const request =
    body instanceof FormData
      ? new Request("http://x", { method: "POST", body })
      : new Request("http://x", {
          method: "POST",
          body: Buffer.isBuffer(body) ? new Uint8Array(body) : null,
          headers: { "content-type": headers.get("content-type") ?? "" },
        });
  const form = await request.formData();
  const entries: unknown[] = [];
  for (const [name, value] of form.entries()) {
    entries.push(
      typeof value === "string"
        ? [name, value]
        : [name, value.name, value.type, Buffer.from(await value.arrayBuffer()).toString("hex")],
    );
  }
  return entries;
}

// A PNG's signature and a few bytes: enough for the type to be recognised.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("chart bytes\r\n--not-a-boundary"),
]);
const reply = {
  body: { type: 4, data: { content: "TORCH", attachments: [{ id: 0, filename: "t.png" }] } },
  files: [{ name: "t.png", data: png }],
  auth: false,
};

describe("uploads encoded from the file's bytes", () => {
  it("send the same fields, file name, type and bytes as discord.js's own FormData", async () => {
    const direct = capturingRest(true);
    const own = capturingRest(false);
    await direct.rest.post("/interactions/1/token/callback", reply);
    await own.rest.post("/interactions/1/token/callback", reply);
    expect(Buffer.isBuffer(direct.sent[0]?.body)).toBe(true);
    expect(own.sent[0]?.body).toBeInstanceOf(FormData);
    const expected = await readForm(own.sent[0]);
    expect(expected).toEqual([
      ["files[0]", "t.png", "image/png", png.toString("hex")],
      ["payload_json", JSON.stringify(reply.body)],
    ]);
    expect(await readForm(direct.sent[0])).toEqual(expected);
    expect(multipartPayloadJson(direct.sent[0]?.body)).toBe(JSON.stringify(reply.body));
  });

  it("reuse the body for the same chart and payload, and encode a new one when the payload differs", async () => {
    const { rest, sent } = capturingRest(true);
    await rest.post("/interactions/1/token/callback", reply);
    await rest.post("/interactions/2/token/callback", reply);
    const other = { ...reply, body: { type: 4, data: { content: "GBA" } } };
    await rest.post("/interactions/3/token/callback", other);
    expect(sent[1]?.body).toBe(sent[0]?.body);
    expect(sent[2]?.body).not.toBe(sent[0]?.body);
    expect(await readForm(sent[2])).toEqual([
      ["files[0]", "t.png", "image/png", png.toString("hex")],
      ["payload_json", JSON.stringify(other.body)],
    ]);
  });

  it("send a JSON request as the same text and type discord.js would", async () => {
    const { rest, sent } = capturingRest(true);
    const body = { type: 4, data: { content: "TORCH", embeds: [Object.freeze({ title: "T" })] } };
    await rest.post("/interactions/1/token/callback", { body, auth: false });
    expect(sent[0]?.body).toBe(JSON.stringify(body));
    expect(sent[0]?.headers).toMatchObject({ "Content-Type": "application/json" });
  });

  it("leave a file of a type it does not recognise to discord.js", async () => {
    const { rest, sent } = capturingRest(true);
    await rest.post("/channels/1/messages", {
      body: { content: "data" },
      files: [{ name: "a.csv", data: Buffer.from("a,b\n1,2\n") }],
    });
    expect(sent[0]?.body).toBeInstanceOf(FormData);
  });
});
