import fc from "fast-check";

/** What people (and pasted junk) put into a chat box, for property tests of the renderer. */
export const TRICKY_PIECES = [
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@&223456789012345678>",
  "<#323456789012345678>",
  "**bold** __under__ *it* `code` ```block``` ||spoiler|| > quote\n# heading",
  "[link](https://example.com)",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u200f\u202e",
  "مرحبا بالعالم",
  "עברית",
  "中国火炬计划",
  "👩‍👩‍👧‍👦",
  "🇨🇳",
  "😀",
  "\ud83d",
  "\ude00",
  "e\u0301",
  "\n",
  "   ",
  "…",
  "",
] as const;

const piece = fc.oneof(
  fc.constantFrom(...TRICKY_PIECES),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

/** Short mixes of tricky pieces, and long repetitions up to 7000 UTF-16 units. */
export const userText = fc.oneof(
  { weight: 3, arbitrary: fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 7000 }))
      .map(([parts, length]) => {
        const unit = parts.join("") || "x";
        return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      }),
  },
);
