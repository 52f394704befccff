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
});
