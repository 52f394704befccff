import { describe, expect, it } from "vitest";
import type { ReplyView } from "../../src/command-api.ts";
import { completeLine } from "../../src/console/complete.ts";
import { INTERNAL_ERROR_LINE, createConsoleSession } from "../../src/console/session.ts";
import { fakeCommands, fakeEngine } from "./fakes.ts";

function session() {
  const logged: unknown[] = [];
  const console = createConsoleSession({
    engine: fakeEngine(),
    commands: fakeCommands,
    renderView: async (view: ReplyView) =>
      view.answer.kind === "answer" || view.answer.kind === "compare"
        ? view.answer.text
        : `${view.answer.kind}: ${view.answer.text} [${view.answer.suggestions.join(", ")}]`,
    logError: (error) => logged.push(error),
  });
  return { run: (line: string) => console.handleLine(line), logged };
}

describe("console session", () => {
  it("runs slash commands through the command modules", async () => {
    const { run } = session();
    expect(await run("/policy torch")).toEqual({ text: "policy torch card", quit: false });
    expect((await run("/policy name:torch section:budget")).text).toBe("policy torch budget");
    expect((await run("/compare torch city-clusters field:objectives")).text).toBe(
      "compare torch+city-clusters ",
    );
  });

  it("sends free text to /ask", async () => {
    const { run } = session();
    expect((await run("  torch budget?  ")).text).toBe("engine.ask(torch budget?)");
    expect((await run('/ask question:"when did it start?"')).text).toBe(
      "engine.ask(when did it start?)",
    );
  });

  it("ignores blank lines and stops on /quit and /exit", async () => {
    const { run } = session();
    expect(await run("   ")).toEqual({ text: "", quit: false });
    expect((await run("/quit")).quit).toBe(true);
    expect((await run("/EXIT")).quit).toBe(true);
  });

  it("lists the commands for an unknown one, with the closest guess", async () => {
    const { run } = session();
    const { text } = await run("/polcy torch");
    expect(text).toContain("Unknown command /polcy.");
    expect(text).toContain("Did you mean /policy?");
    expect(text).toContain("Commands: /policy, /compare, /ask, /crash, /quit.");
  });

  it("names a missing option and shows a working example", async () => {
    const { run } = session();
    expect((await run("/compare torch")).text).toBe(
      "/compare needs the option b. Example: /compare a:torch b:city-clusters",
    );
    expect((await run("/policy")).text).toBe(
      "/policy needs the option name. Example: /policy name:torch",
    );
    const example = (await run("/ask")).text;
    expect(example).toBe(
      '/ask needs the option question. Example: /ask question:"<Your question>"',
    );
  });

  it("shows the engine's suggestions for an unknown policy", async () => {
    const { run } = session();
    expect((await run("/policy horizon-europe")).text).toBe(
      'none: I don\'t know the policy "horizon-europe". [torch]',
    );
  });

  it("shows a command's UserError as is", async () => {
    const { run } = session();
    expect((await run("/compare torch torch")).text).toBe("Pick two different policies.");
  });

  it("survives an internal error with a generic line and logs the detail", async () => {
    const { run, logged } = session();
    const result = await run("/crash");
    expect(result).toEqual({ text: INTERNAL_ERROR_LINE, quit: false });
    expect(result.text).not.toContain("secret");
    expect(logged).toHaveLength(1);
    expect((await run("/policy torch")).text).toBe("policy torch card");
  });
});

describe("tab completion", () => {
  const deps = { engine: fakeEngine(), commands: fakeCommands };

  it("completes command names", () => {
    expect(completeLine("/po", deps)).toEqual([["/policy "], "/po"]);
    expect(completeLine("/", deps)[0]).toEqual([
      "/policy ",
      "/compare ",
      "/ask ",
      "/crash ",
      "/quit ",
      "/exit ",
    ]);
    expect(completeLine("/polcy", deps)[0]).toEqual(["/policy "]);
  });

  it("completes policy names in the command's own ranking, and option names", () => {
    expect(completeLine("/policy tor", deps)).toEqual([["torch"], "tor"]);
    expect(completeLine("/policy ", deps)[0]).toEqual([
      "torch",
      "city-clusters",
      "greater-bay-area",
      "name:",
      "section:",
    ]);
    expect(completeLine("/policy name:gre", deps)).toEqual([["name:greater-bay-area"], "name:gre"]);
    expect(completeLine("/compare torch ci", deps)).toEqual([["city-clusters"], "ci"]);
  });

  it("completes section choices by prefix, named or not", () => {
    expect(completeLine("/policy torch section:b", deps)).toEqual([
      ["section:budget"],
      "section:b",
    ]);
    expect(completeLine("/policy torch bu", deps)[0]).toEqual(["budget"]);
    expect(completeLine("/policy torch se", deps)[0]).toEqual(["section:"]);
  });

  it("finishes policy and country names in a free-text question, by prefix only", () => {
    expect(completeLine("what is the tor", deps)).toEqual([["torch"], "tor"]);
    expect(completeLine("maturity of chi", deps)).toEqual([["china"], "chi"]);
    expect(completeLine("what is", deps)[0]).toEqual([]);
  });
});
