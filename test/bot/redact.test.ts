import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactError, redactLogText } from "../../src/bot/redact.ts";

describe("redactLogText", () => {
  it("hides interaction tokens and webhook tokens wherever they appear", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{20,120}$/),
        fc.constantFrom("callback", "messages/@original"),
        (tail, suffix) => {
          const token = `aW50ZXJhY3Rpb246${tail}`;
          const lines = [
            `POST https://discord.com/api/v10/interactions/123456789012345678/${token}/callback failed`,
            `PATCH /webhooks/1100000000000000001/${tail}/${suffix} → 500`,
            `raw ${token} in text`,
          ];
          for (const line of lines) {
            const out = redactLogText(line);
            expect(out).not.toContain(tail);
            expect(out).toContain("[token]");
          }
        },
      ),
    );
  });

  it("keeps the rest of the line and redacts errors, causes and their URLs", () => {
    const error = Object.assign(new Error("bad /interactions/1/aW50ZXJhY3Rpb246secret/callback"), {
      url: "http://x/api/v10/webhooks/1/abc.def/messages/@original",
      status: 500,
      cause: new Error("inner /webhooks/9/tok"),
    });
    const copy = redactError(error, ["bot-token"]);
    expect(copy).toBeInstanceOf(Error);
    const text = JSON.stringify({
      message: (copy as Error).message,
      stack: (copy as Error).stack,
      url: (copy as { url?: string }).url,
      cause: ((copy as Error).cause as Error).message,
    });
    expect(text).not.toMatch(/secret|abc\.def|\/tok/);
    expect((copy as { status?: number }).status).toBe(500);
    expect(redactLogText("token bot-token here", ["bot-token"])).toBe("token [redacted] here");
  });
});
