import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** Items of the series' fixed lists, asked of a policy that lists them or not, as the user reads it. */

const answer = (q: string): string =>
  renderAnswerText(engine.ask(q), { color: false }).replace(/\s+/g, " ");

describe("an item of a fixed list asks that list, and says no when the policy does not list it", () => {
  it.each([
    [
      "Is 'promoting social and sustainable economy' one of the TORCH Program's objectives?",
      "No — “Promoting social and sustainable economy and other solidarity-based initiatives” is not listed among the TORCH Program's objectives.",
    ],
    [
      "does city clusters aim at promoting entrepreneurship and spin-offs?",
      "No — “Promoting entrepreneurship, start-ups and spin-offs” is not listed among City Clusters' objectives.",
    ],
    [
      "does the gba plan support intellectual property and export advice?",
      "Yes — “Support for hard skill development: knowledge transfer, intellectual property, entrepreneurship, export advice, market intelligence” is listed among the Greater Bay Area plan's instruments.",
    ],
  ])("%s", (q, headline) => {
    expect(answer(q)).toContain(headline);
  });

  it("shows the policy's own list under the no, so the user sees what it does list", () => {
    const text = answer("Is 'connect to global supply chains' among TORCH's objectives?");
    expect(text).toContain("is not listed among the TORCH Program's objectives");
    expect(text).toContain("Promoting entrepreneurship, start-ups and spin-offs");
  });

  it("a single word of an item is not enough: a beneficiary named alone stays a beneficiary", () => {
    expect(answer("is torch for start-ups?")).toMatch(/beneficiaries|start-ups/i);
    expect(engine.resolveQuestion("is torch for start-ups?")).toMatchObject({
      field: "beneficiaries",
    });
  });
});
