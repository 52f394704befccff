import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../src/engine-memo.ts";
import { jsonText } from "../../src/ops/frozen-json.ts";

/** Freezes some of a value's objects (every other one met), as a body mixing kept and new parts. */
function freezeSome(value: unknown, state = { count: 0 }): unknown {
  if (typeof value !== "object" || value === null) return value;
  for (const child of Object.values(value)) freezeSome(child, state);
  state.count += 1;
  if (state.count % 2 === 0) Object.freeze(value);
  return value;
}

describe("JSON text of request bodies", () => {
  it("is exactly JSON.stringify's, whatever is frozen", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, freeze) => {
        const expected = JSON.stringify(value);
        const body = freeze ? freezeSome(structuredClone(value)) : value;
        expect(jsonText(body)).toBe(expected);
        // Asked again, a frozen part's text comes from memory and is still the same.
        expect(jsonText(body)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out what JSON leaves out, and hands toJSON and class instances to JSON.stringify", () => {
    const body = {
      a: undefined,
      f: () => 1,
      list: [undefined, () => 1, Symbol("s"), 1],
      at: new Date(0),
      bytes: Buffer.from("hi"),
      kept: deepFreeze({ b: undefined, c: [1, "two"] }),
      own: { toJSON: () => "mine" },
    };
    expect(jsonText(body)).toBe(JSON.stringify(body));
    expect(jsonText(undefined)).toBeUndefined();
  });

  it("gives a body wrapping a kept part the text of what it wraps now, not of an earlier wrapper", () => {
    const data = deepFreeze({ content: "TORCH started in 1988.", embeds: [{ title: "TORCH" }] });
    for (const type of [4, 7, 4, 4, 7]) {
      const body = { type, data, flag: type === 7 ? undefined : true };
      expect(jsonText(body)).toBe(JSON.stringify(body));
    }
    const other = deepFreeze({ content: "GBA started in 2019." });
    expect(jsonText({ type: 4, data: other })).toBe(JSON.stringify({ type: 4, data: other }));
    // A wrapper holding something unfrozen is written out afresh every time.
    const open = { type: 4, data, extra: { n: 1 } };
    expect(jsonText(open)).toBe(JSON.stringify(open));
    open.extra.n = 2;
    expect(jsonText(open)).toBe(JSON.stringify(open));
  });
});
