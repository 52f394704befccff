import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { cachedChartRenderer, renderReply } from "../../src/bot/charts.ts";
import { deepFreeze } from "../../src/engine-memo.ts";

const answer = (title: string): Answer => ({
  kind: "answer",
  country: "china",
  policy: null,
  field: "maturity",
  title,
  text: "China scores 6.5 of 7.",
  details: [],
  sources: [],
  suggestions: [],
  scores: [{ label: "Policy scope", score: 2, max: 2, reason: "dedicated policy" }],
});

describe("cachedChartRenderer", () => {
  it("draws each distinct chart once and forgets the oldest beyond its size", async () => {
    const drawn: string[] = [];
    const render = cachedChartRenderer(async (kind, a) => {
      drawn.push(`${kind}:${a.kind === "answer" ? a.title : ""}`);
      return Buffer.from(drawn.at(-1) ?? "");
    }, 2);
    expect((await render("maturity", answer("A")))?.toString()).toBe("maturity:A");
    expect((await render("maturity", answer("A")))?.toString()).toBe("maturity:A");
    await render("timeline", answer("A"));
    await render("maturity", answer("B"));
    await render("maturity", answer("A"));
    expect(drawn).toEqual(["maturity:A", "timeline:A", "maturity:B", "maturity:A"]);
  });

  it("draws a chart once for a burst of the same question while it is being drawn", async () => {
    let draws = 0;
    const render = cachedChartRenderer(async () => {
      draws += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return Buffer.from("png");
    });
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => render("maturity", answer("A"))),
    );
    expect(draws).toBe(1);
    expect(burst.every((png) => png?.toString() === "png")).toBe(true);
  });
});

describe("renderReply's kept payloads", () => {
  it("gives each sender its own copy of a remembered answer's payload", async () => {
    const shared = deepFreeze(answer("China — maturity"));
    const first = await renderReply({ answer: shared }, undefined);
    // What discord.js does to the options it is handed.
    Object.assign(first, { attachments: [{ id: "0" }] });
    first.files.push({ attachment: Buffer.of(1), name: "x.png" });
    const second = await renderReply({ answer: shared }, undefined);
    expect(second).not.toBe(first);
    expect(second).not.toHaveProperty("attachments");
    expect(second.files).toHaveLength(0);
    expect(second).toEqual(await renderReply({ answer: answer("China — maturity") }, undefined));
  });

  it("renders a different view of the same answer as that view", async () => {
    const shared = deepFreeze(answer("China — maturity"));
    const open = await renderReply({ answer: shared }, undefined);
    const private_ = await renderReply({ answer: shared, ephemeral: true }, undefined);
    expect(open.flags).toBeUndefined();
    expect(private_.flags).toBe(64);
  });

  it("keeps the reader's language apart: each gets the payload rendered in it", async () => {
    const shared = deepFreeze(answer("China — maturity"));
    for (const locale of ["en", "zh-CN", "en"] as const) {
      const kept = await renderReply(
        { answer: shared, sectionMenu: { policy: "torch", current: null } },
        undefined,
        { locale },
      );
      const fresh = await renderReply(
        { answer: answer("China — maturity"), sectionMenu: { policy: "torch", current: null } },
        undefined,
        { locale },
      );
      expect(kept).toEqual(fresh);
    }
    const en = await renderReply(
      { answer: shared, sectionMenu: { policy: "torch", current: null } },
      undefined,
      { locale: "en" },
    );
    const zh = await renderReply(
      { answer: shared, sectionMenu: { policy: "torch", current: null } },
      undefined,
      { locale: "zh-CN" },
    );
    expect(zh).not.toEqual(en);
  });
});
