import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncate } from "../../src/render/limits.ts";
import { hasLoneSurrogate } from "./payload-problems.ts";

describe("truncate", () => {
  it("leaves text that fits alone", () => {
    expect(truncate("TORCH Program", 13)).toBe("TORCH Program");
  });

  it("marks a cut with an ellipsis and prefers a word break", () => {
    expect(truncate("The TORCH Program started in 1988", 20)).toBe("The TORCH Program…");
  });

  it("never splits an emoji made of a surrogate pair", () => {
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("😀😀😀", 4)).toBe("😀…");
  });

  it("fits any text within the limit, keeps a prefix and never leaves half a character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(hasLoneSurrogate(cut)).toBe(false);
          if (text.length <= max) expect(cut).toBe(text);
          else if (max >= 2) {
            expect(cut.endsWith("…")).toBe(true);
            expect(text.startsWith(cut.slice(0, -1))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
