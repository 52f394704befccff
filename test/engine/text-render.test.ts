import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const ESC = "\u001b[";

describe("renderAnswerText", () => {
  it("heading, direct sentence, aligned details, sources last; no colour unless asked", () => {
    const text = renderAnswerText(engine.ask("torch budget"), { color: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe("TORCH Program — budget");
    expect(lines[1]).toContain("Innofund: about EUR 890 million");
    expect(lines[lines.length - 1]).toMatch(
      /^Sources: Country factsheet: China › National cluster policy › BUDGET/,
    );
    expect(text).not.toContain(ESC);
    const detailStarts = lines
      .filter((l) => /^ {2}(Overall|Annual|Source of funding) /.test(l))
      .map((l) => l.slice(2).search(/ {2}\S/));
    expect(new Set(detailStarts).size).toBe(1);
  });

  it("colour only when asked", () => {
    expect(renderAnswerText(engine.ask("torch budget"), { color: true })).toContain(ESC);
  });

  it("maturity scores as bars with score of maximum and reason", () => {
    const text = renderAnswerText(engine.ask("china maturity"), { color: false });
    expect(text).toContain("6.5 of 7");
    expect(text).toMatch(/Evidence of performance\s+█████░░░░░\s+0\.5 \/ 1/);
    expect(text).toMatch(/Policy scope\s+██████████\s+2 \/ 2/);
  });

  it("clarify lists its suggestions", () => {
    const text = renderAnswerText(engine.ask("when did it start?"), { color: false });
    expect(text).toContain("  • TORCH Program start year");
  });
});
