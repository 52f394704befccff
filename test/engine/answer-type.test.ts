import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

/**
 * What a question asks for (a figure, a person, a policy other than the one named, a fact of
 * one policy) against what the chosen answer can give: when they differ, the factsheet's
 * silence is said, never the nearest field passed off as the answer.
 */

const reply = (question: string) => engine.ask(question);

describe("a figure asked of a sentence that states none is declined", () => {
  it("does not answer a percent with a sentence sharing the question's words", () => {
    const answer = reply("by how many percent did productivity rise in torch's high-tech zones?");
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("network of high-tech zones");
  });

  it("reads a Chinese measure inside a run", () => {
    const answer = reply("火炬计划的高新区企业数量增加了多少家？");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("no such figure");
  });

  it("still answers a percent the sentence states", () => {
    const answer = reply("what share of China's economy does the GBA account for, in percent?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("12%");
  });

  it("declines growth or this year's figure, quoting the one year the factsheet gives", () => {
    for (const question of [
      "how much has the GBA economy grown since 2016?",
      "大湾区今年的GDP是多少？",
    ]) {
      const answer = reply(question);
      expect(answer.kind).toBe("none");
      expect(answer.text).toContain("in 2016");
    }
  });
});

describe("a person asked of the authorities is declined", () => {
  it("says the factsheet names bodies, not people", () => {
    const answer = reply("what is the name of the person in charge of the GBA plan?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("names no people");
  });

  it("still answers who heads a policy with its bodies", () => {
    const answer = reply("who heads the torch programme?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("Torch High Technology Industry Development Center");
  });
});

describe("a name said not to be asked about is not the subject", () => {
  it("declines when the only name is the one set aside", () => {
    for (const question of [
      "I'm not asking about TORCH: does Shanghai run its own cluster scheme?",
      "澳门特区政府自己有没有 cluster policy？不是讲大湾区那个。",
    ]) {
      const answer = reply(question);
      expect(answer.kind).toBe("none");
      expect(answer.text).toContain("something other than");
    }
  });

  it("answers the other name when one is left", () => {
    const answer = reply("the objectives of City Clusters, not the GBA plan");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("City Clusters");
    expect(answer.text).not.toContain("Greater Bay Area");
  });
});

describe("words of a claim about one policy do not compare all of them", () => {
  it("checks one policy's start when 'both' counts years", () => {
    const answer = reply("city clusters: launched in 2006 or in 2016? I keep seeing both years");
    expect(answer.kind).toBe("answer");
    expect(answer.text).not.toContain("TORCH");
  });

  it("still compares all when 'all' counts the policies", () => {
    const answer = reply("is torch the oldest of all three?");
    expect(answer.kind).toBe("compare");
    expect(answer.text).toContain("started first");
  });
});
