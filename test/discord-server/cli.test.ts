import { describe, expect, it } from "vitest";
import { parseSlashLine } from "./cli.ts";

describe("the test server's hand-driven console", () => {
  it("reads a slash line into a command name and options whose values may hold spaces", () => {
    expect(parseSlashLine("/compare a:torch b:city clusters field:start_year")).toEqual({
      name: "compare",
      options: { a: "torch", b: "city clusters", field: "start_year" },
    });
    expect(parseSlashLine("/help")).toEqual({ name: "help", options: {} });
    expect(parseSlashLine("/ask question:what is it: really?", () => ["question"])).toEqual({
      name: "ask",
      options: { question: "what is it: really?" },
    });
  });
});
