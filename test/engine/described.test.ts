import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("no policy named, one described by what its texts say", () => {
  it.each([
    ["which policy is the one about hukou reform?", "City Clusters", "residency permit (hukou)"],
    ["户口那部分是哪个政策里的", "City Clusters", "residency permit (hukou)"],
    ["the plan with the 19 mega-regions — what is it?", "City Clusters", "19 super-regions"],
    ["which programme set up the high-tech zones and incubators?", "TORCH", "high-tech zones"],
    ["which plan covers Hong Kong and Macao?", "Greater Bay Area", "Hong Kong-Macao"],
  ])("%s → %s, quoting its passage", (question, policy, quoted) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(policy);
    expect(answer.text).toMatch(new RegExp(`“[^”]*${quoted.replace(/[()]/g, "\\$&")}[^”]*”`));
  });

  it("a field asked of the described policy is that field, the passage quoted first", () => {
    expect(engine.resolveQuestion("who runs the plan with the 19 super-regions?")).toMatchObject({
      kind: "policy",
      policy: "city-clusters",
      field: "authorities",
    });
  });

  it("words several policies' texts hold comparably are asked back with those policies", () => {
    const answer = engine.ask("which policy is about ris3, energy and territorial cohesion?");
    expect(answer.kind).toBe("clarify");
    expect(answer.suggestions).toEqual(
      expect.arrayContaining(["City Clusters", "Greater Bay Area plan"]),
    );
  });

  it.each([
    "olympic torch",
    "863 program",
    "yangtze city cluster",
    "which policy is the one about the olympic torch?",
    "which plan covers hong kong's weather?",
    "which policy covers the 19 bus routes?",
    "which plan is about football clubs in hong kong?",
    "which policy is about the beijing-tianjin-hebei plan?",
    "what is the hukou policy?",
  ])("%s → still declined", (question) => {
    expect(engine.ask(question).kind).toBe("none");
  });

  it("a word every policy's texts hold (innovation, cluster) describes none of them", () => {
    expect(engine.ask("which policy is about clusters?").kind).not.toBe("answer");
  });
});
