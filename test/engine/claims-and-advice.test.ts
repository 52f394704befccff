import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

/**
 * Claims put to be checked, comparisons with the asker's own frame, requests for advice on
 * method and measures the factsheet does not give: each as the user reads the reply.
 */

const reply = (question: string) => engine.ask(question);

describe("a figure claimed is checked against the factsheet's sentence", () => {
  it("agrees, quoting the sentence, when the sentence gives the figure of the same thing", () => {
    const answer = reply("the GBA accounts for 12% of China's GDP, right?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toMatch(
      /^Yes — the factsheet says: “The Greater Bay Area accounted for 12%/,
    );
  });

  it("says the factsheet does not give the figure, quoting what it says instead", () => {
    const answer = reply("Guangdong's share of trade in 2018 was 30%, right?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("doesn't give that figure");
    expect(answer.text).toContain("23.5% of China's total trade in 2018");
  });

  it("does not take a figure said of another subject in the same sentence as agreement", () => {
    // The sentence's 20% is the Yangtze River Delta's share of GDP, not the GBA's.
    const answer = reply("I read the Greater Bay Area is 20% of China's economy - true?");
    expect(answer.text).not.toMatch(/^Yes/);
    expect(answer.text).toContain("12%");
  });

  it("declines a figure no sentence of the policy states, rather than another field", () => {
    const answer = reply("TORCH created 1 million jobs, right?");
    expect(answer.kind).toBe("none");
  });

  it("leaves a number that only says how to answer alone", () => {
    const answer = reply("city clusters in 3 sentences max");
    expect(answer.kind).toBe("answer");
    expect(answer.text).not.toContain("figure");
  });
});

describe("a comparison with the asker's own frame asks the named policy's field", () => {
  it("answers the instruments compared with the EU's own support", () => {
    const answer = reply(
      "how do TORCH's instruments look, for comparison with the EU's own cluster support instruments?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("financial instruments");
  });

  it("answers what the GBA plan funds compared with what we do in a region", () => {
    const answer = reply("what does the GBA plan fund, compared with what we do in Bavaria?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("Greater Bay Area plan offers");
  });

  it("still declines a comparison with a programme the data does not hold", () => {
    expect(reply("compare torch with the Knowledge Cluster Initiative").kind).toBe("none");
  });
});

describe("advice on method is declined, not answered with a field", () => {
  it.each([
    "how should I cite this?",
    "would a difference-in-differences design work to evaluate TORCH?",
    "how would you evaluate the GBA plan?",
    "what methodology should I use to evaluate city clusters?",
  ])("%s", (question) => {
    const answer = reply(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("advice on method");
  });

  it("still answers a request for a fact put with a modal", () => {
    expect(reply("can you tell me the torch budget?").kind).toBe("answer");
    expect(reply("do we know when torch started?").kind).toBe("answer");
  });
});

describe("a measure the factsheet does not give is declined", () => {
  it("says the success rate is not given instead of answering the evaluation", () => {
    const answer = reply("what's the success rate of torch?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toBe(
      "The factsheet gives no success rate for the TORCH Program. I can tell you its evaluation.",
    );
  });
});

describe("other countries typed short", () => {
  it("reads 'the uk' as a country the data does not hold", () => {
    const answer = reply("does the uk have a cluster policy");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("I have no data on");
  });
});

describe("a date verb said of what a policy made", () => {
  it("declines 'jobs created by' instead of answering the start year", () => {
    const answer = reply("jobs created by the GBA plan?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("doesn't give the jobs created by the Greater Bay Area plan");
  });

  it("still answers when the policy itself was created", () => {
    const answer = reply("when was torch created?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("1988");
  });
});

describe("another programme's name in any case", () => {
  it("declines words before a policy noun that name a programme the data lacks", () => {
    const answer = reply("the industrial cluster project budget");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("I have no data on “industrial cluster project”");
  });

  it("reads ordinary words before a policy noun as no name", () => {
    expect(reply("compare every policy's start year").kind).toBe("compare");
  });
});

describe("checks on a follow-up read with its subject", () => {
  it("declines the success rate asked of the policy talked about", () => {
    const first = engine.converse("tell me about torch", null);
    const next = engine.converse("what is its success rate?", first.state);
    expect(next.answer.kind).toBe("none");
    expect(next.answer.text).toContain("no success rate");
  });
});
