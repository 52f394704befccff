import { describe, expect, it } from "vitest";
import { UserError } from "../../src/command-api.ts";
import {
  bindOptions,
  closestNames,
  optionSpecs,
  parseLine,
  tokenizeLine,
  type LineToken,
  type OptionSpec,
} from "../../src/console/parse-line.ts";

const SECTIONS = ["summary", "budget", "start_year", "objectives", "evaluation"];
const sectionChoices = SECTIONS.map((value) => ({ name: value.replace("_", " "), value }));

const policySpecs = optionSpecs([
  { name: "name", description: "Policy", required: true, autocomplete: true },
  { name: "section", description: "Section", choices: sectionChoices },
]);
const compareSpecs = optionSpecs([
  { name: "a", description: "First policy", required: true, autocomplete: true },
  { name: "b", description: "Second policy", required: true, autocomplete: true },
  { name: "c", description: "Third policy", autocomplete: true },
  { name: "field", description: "Field", choices: sectionChoices },
]);
const askSpecs = optionSpecs([{ name: "question", description: "Question", required: true }]);

function tokensOf(line: string): LineToken[] {
  const parsed = parseLine(line);
  if (parsed.kind !== "command") throw new Error(`not a command: ${line}`);
  return parsed.tokens;
}

function bind(specs: OptionSpec[], line: string): Record<string, string> {
  const parsed = parseLine(line);
  if (parsed.kind !== "command") throw new Error(`not a command: ${line}`);
  return Object.fromEntries(bindOptions(parsed.name, specs, parsed.tokens));
}

function bindError(specs: OptionSpec[], line: string): string {
  try {
    bind(specs, line);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`expected a UserError for ${line}`);
}

describe("parseLine", () => {
  it("tells commands, questions and blank lines apart", () => {
    expect(parseLine("   ")).toEqual({ kind: "empty" });
    expect(parseLine("torch budget?")).toEqual({ kind: "question", text: "torch budget?" });
    expect(parseLine("  /POLICY torch ")).toMatchObject({ kind: "command", name: "policy" });
    expect(parseLine("/")).toMatchObject({ kind: "command", name: "", tokens: [] });
  });

  it("keeps quoted values whole and apostrophes as letters", () => {
    const tokens = tokenizeLine(`question:"what is torch's budget?" "greater bay area" x:"a b"`);
    expect(tokens.map((t) => [t.key, t.value])).toEqual([
      ["question", "what is torch's budget?"],
      [null, "greater bay area"],
      ["x", "a b"],
    ]);
    expect(tokenizeLine("torch's budget").map((t) => t.text)).toEqual(["torch's", "budget"]);
  });

  it("accepts curly quotes and runs an unclosed quote to the end of the line", () => {
    expect(tokenizeLine("“greater bay area” torch").map((t) => t.text)).toEqual([
      "greater bay area",
      "torch",
    ]);
    expect(tokenizeLine('"greater bay area').map((t) => t.text)).toEqual(["greater bay area"]);
  });

  it("does not read a quoted colon as an option name", () => {
    const [token] = tokenizeLine('"name:torch"');
    expect(token).toMatchObject({ key: null, value: "name:torch", quoted: true });
  });
});

describe("bindOptions", () => {
  it("maps positional values to options in order", () => {
    expect(bind(policySpecs, "/policy torch")).toEqual({ name: "torch" });
    expect(bind(compareSpecs, "/compare torch city-clusters")).toEqual({
      a: "torch",
      b: "city-clusters",
    });
    expect(bind(compareSpecs, "/compare torch city-clusters greater-bay-area")).toEqual({
      a: "torch",
      b: "city-clusters",
      c: "greater-bay-area",
    });
  });

  it("reads named options, in any order and any case", () => {
    expect(bind(policySpecs, "/policy name:torch section:budget")).toEqual({
      name: "torch",
      section: "budget",
    });
    expect(bind(policySpecs, "/policy SECTION:Budget Name:torch")).toEqual({
      name: "torch",
      section: "budget",
    });
    expect(bind(compareSpecs, "/compare torch city-clusters field:objectives")).toEqual({
      a: "torch",
      b: "city-clusters",
      field: "objectives",
    });
  });

  it("lets a word that is a section choice fill the section", () => {
    expect(bind(policySpecs, "/policy torch budget")).toEqual({ name: "torch", section: "budget" });
    expect(bind(policySpecs, "/policy name:torch budget")).toEqual({
      name: "torch",
      section: "budget",
    });
    expect(bind(compareSpecs, "/compare torch city-clusters start-year")).toEqual({
      a: "torch",
      b: "city-clusters",
      field: "start_year",
    });
    expect(bind(policySpecs, '/policy torch section:"start year"')).toEqual({
      name: "torch",
      section: "start_year",
    });
  });

  it("runs a named value on until the next option, Discord style", () => {
    expect(bind(askSpecs, "/ask question:what is the budget of torch?")).toEqual({
      question: "what is the budget of torch?",
    });
    expect(bind(policySpecs, "/policy name:greater bay area section:budget")).toEqual({
      name: "greater bay area",
      section: "budget",
    });
    expect(bind(askSpecs, "/ask question: when did it start")).toEqual({
      question: "when did it start",
    });
    expect(bind(policySpecs, "/policy section:budget torch")).toEqual({
      name: "torch",
      section: "budget",
    });
  });

  it("gives all words to a single free option", () => {
    expect(bind(askSpecs, "/ask which started earlier: torch or city clusters")).toEqual({
      question: "which started earlier: torch or city clusters",
    });
    expect(bind(policySpecs, "/policy greater bay area")).toEqual({ name: "greater bay area" });
    expect(bind(compareSpecs, '/compare "greater bay area" torch')).toEqual({
      a: "greater bay area",
      b: "torch",
    });
  });

  it("sends a word to the option it exactly fits, even when that option is not next", () => {
    const sourcesSpecs = optionSpecs([
      { name: "country", description: "Country", autocomplete: true },
      { name: "policy", description: "Policy", autocomplete: true },
    ]);
    const fits = (option: string, value: string): boolean =>
      option === "country" ? value === "china" : ["torch", "city-clusters"].includes(value);
    const tokens = (line: string) => tokensOf(line);
    expect(
      Object.fromEntries(bindOptions("sources", sourcesSpecs, tokens("/s torch"), fits)),
    ).toEqual({ policy: "torch" });
    expect(
      Object.fromEntries(bindOptions("sources", sourcesSpecs, tokens("/s torch china"), fits)),
    ).toEqual({ policy: "torch", country: "china" });
    // Nothing fits a typo, so it takes the options in order.
    expect(
      Object.fromEntries(bindOptions("sources", sourcesSpecs, tokens("/s torhc"), fits)),
    ).toEqual({ country: "torhc" });
  });

  it("leaves missing options out for the caller to report", () => {
    expect(bind(compareSpecs, "/compare torch")).toEqual({ a: "torch" });
    expect(bind(policySpecs, "/policy")).toEqual({});
  });

  it("explains a value that is not one of the choices", () => {
    const message = bindError(policySpecs, "/policy torch section:budgett");
    expect(message).toContain('"budgett" is not a choice for section');
    expect(message).toContain("summary, budget, start_year");
    expect(message).toContain("Did you mean section:budget?");
  });

  it("flags a mistyped option name instead of guessing", () => {
    const message = bindError(policySpecs, "/policy nme:torch");
    expect(message).toContain('no option "nme"');
    expect(message).toContain("Did you mean name:?");
    expect(message).toContain("/policy name:<…>");
  });

  it("asks for quotes when words cannot be split between several options", () => {
    const message = bindError(compareSpecs, "/compare greater bay area torch");
    expect(message).toContain("in quotes");
    expect(message).toContain("/compare a:<…> b:<…> [c:<…>]");
  });

  it("rejects values for a command without options", () => {
    expect(bindError([], "/help me")).toBe('/help takes no options (got "me").');
  });

  it("rejects an option given twice", () => {
    expect(bindError(policySpecs, "/policy name:torch name:city-clusters")).toContain(
      "given twice",
    );
  });

  it("keeps colons inside a free value", () => {
    expect(tokensOf("/ask note: it's 10:30").map((t) => t.text)).toEqual([
      "note:",
      "it's",
      "10:30",
    ]);
    expect(bind(askSpecs, "/ask question:budget? answer: torch")).toEqual({
      question: "budget? answer: torch",
    });
  });
});

describe("closestNames", () => {
  it("suggests near names, closest first", () => {
    const names = ["policy", "compare", "maturity", "ask", "sources", "help"];
    expect(closestNames("polcy", names)[0]).toBe("policy");
    expect(closestNames("matur", names)).toEqual(["maturity"]);
    expect(closestNames("zzzzzz", names)).toEqual([]);
  });
});
