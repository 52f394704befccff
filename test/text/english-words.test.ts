import { describe, expect, it } from "vitest";
import { isEnglishWord } from "../../src/text/english-words.ts";

describe("isEnglishWord (front-coded word list)", () => {
  it("finds ordinary words, the list's first and last, and words at block edges", () => {
    for (const word of ["a", "aa", "aah", "guides", "pensioners", "torch", "zzz", "zzzs"]) {
      expect(isEnglishWord(word), word).toBe(true);
    }
  });

  it("finds British spellings of listed American words, not names that merely end alike", () => {
    for (const word of ["decentralisation", "prioritised", "analysed", "favourite", "theatres"]) {
      expect(isEnglishWord(word), word).toBe(true);
    }
    for (const word of ["xiongan", "guangdongise", "shenzhour"]) {
      expect(isEnglishWord(word), word).toBe(false);
    }
  });

  it("does not find names, near-misses, or anything but lower-case letters", () => {
    for (const word of [
      "olympic",
      "yangtze",
      "europe",
      "hukou",
      "zzzt",
      "aaa",
      "",
      "Torch",
      "a1",
    ]) {
      expect(isEnglishWord(word), word).toBe(false);
    }
  });
});
