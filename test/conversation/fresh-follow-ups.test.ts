import { describe, expect, it } from "vitest";
import { lastAnswer } from "./typed-conversation.ts";

/** The headline the user reads first. */
const headline = (...lines: string[]): string => lastAnswer(...lines).text;

describe("a part of the last answer", () => {
  it("the weakest maturity dimension is evidence of performance, in any language", () => {
    const weakest = "Evidence of performance: 0.5 of 1";
    const maturity = "how mature is china's cluster policy?";
    expect(headline(maturity, "which of the four parts is China weakest in?")).toContain(weakest);
    expect(headline(maturity, "which score is the lowest?")).toContain(weakest);
    expect(headline("中国集群政策的成熟度如何？", "哪一项最弱？")).toContain(weakest);
    expect(headline("中國嘅集群政策成熟度係幾多？", "邊個部分最弱？")).toContain(weakest);
  });

  it("a tie for the highest score picks no dimension: the total is given", () => {
    // Three of the four dimensions have their full score.
    expect(
      headline("how mature is china's cluster policy?", "what's its strongest point?"),
    ).toMatch(/^China's cluster policy maturity is 6\.5 of 7/u);
  });

  it("an ordinal picks the item of the list just read, in the order it was listed", () => {
    expect(headline("what are the objectives of the GBA plan?", "what's the second one?")).toBe(
      "2 of 11: Increasing competitiveness and boosting scale up of SMEs.",
    );
    expect(headline("who benefits from torch?", "and the last one?")).toBe(
      "8 of 8: General population.",
    );
    expect(headline("火炬计划的受益者有哪些？", "第三个呢？")).toBe(
      "3 of 8: Academic institutions.",
    );
    expect(headline("who runs the GBA plan?", "the second one?")).toBe(
      "2 of 3: Government of Guangdong Province.",
    );
  });

  it("an ordinal after an answer that lists no parts is no part ('the third one' is a policy)", () => {
    expect(lastAnswer("when did torch start?", "the third one?").kind).toBe("clarify");
  });

  it("a part asked with another country is declined", () => {
    const answer = lastAnswer(
      "how mature is china's cluster policy?",
      "which part of Japan's is weakest?",
    );
    expect(answer.kind).toBe("none");
  });
});

describe("the subject as a whole", () => {
  it("'overall?' after a field is the policy's card, not its budget", () => {
    expect(headline("what does the torch program fund?", "overall?")).toMatch(
      /^The TORCH Program is a national cluster policy of China/u,
    );
    expect(headline("who runs the GBA plan?", "and in general?")).toMatch(
      /^The Greater Bay Area plan is a regional cluster policy/u,
    );
    expect(headline("火炬计划的结束年份？", "整体来看呢？")).toMatch(
      /^The TORCH Program is a national/u,
    );
  });

  it("after a country's maturity, 'overall?' is its total", () => {
    expect(headline("how mature is china's cluster policy?", "overall?")).toMatch(
      /^China's cluster policy maturity is 6\.5 of 7/u,
    );
  });

  it("a field the turn names itself is still answered", () => {
    expect(headline("torch budget", "what is the overall budget?")).toMatch(
      /^Budget of the TORCH Program: Innofund/u,
    );
  });
});

describe("Cantonese and Chinese follow-ups", () => {
  it("'so when does it end?' asks the end year of the policy talked about", () => {
    expect(headline("大灣區規劃幾時開始？", "咁佢幾時完結？")).toMatch(
      /^The Greater Bay Area plan is planned to end in 2035/u,
    );
    expect(headline("火炬計劃由邊個負責？", "呢個計劃幾時完結㗎？")).toMatch(
      /^The TORCH Program has no end year/u,
    );
  });

  it("嗰個 refers back, 咧 closes a follow-up like 呢", () => {
    expect(headline("粤港澳大湾区规划的目标是什么？", "嗰個計劃嘅預算呢？")).toContain(
      "no budget for the Greater Bay Area plan",
    );
    expect(headline("火炬计划的评估情况？", "城市群咧？")).toBe(
      "City Clusters has no policy evaluation.",
    );
  });
});

describe("a comparison with the previous subject", () => {
  it("a comparative without 'than' measures the policy named against the subject", () => {
    const torchFirst = "The TORCH Program started earlier (1988) than City Clusters (2006).";
    expect(headline("when did torch start?", "is city clusters older?")).toBe(torchFirst);
    expect(headline("城市群政策是什么时候开始的？", "那火炬计划呢？哪个更早？")).toBe(torchFirst);
    expect(headline("大灣區規劃幾時開始？", "佢同火炬計劃邊個早啲？")).toContain(
      "The TORCH Program started earlier (1988) than the Greater Bay Area plan (2019)",
    );
  });

  it("the other side picked by its type is set beside the subject, on the fact talked about", () => {
    const answer = lastAnswer(
      "what instruments does city clusters use?",
      "how does that compare with the regional one?",
    );
    expect(answer.kind === "compare" && answer.policies).toEqual([
      "city-clusters",
      "greater-bay-area",
    ]);
    expect(answer.text).toMatch(/^City Clusters and the Greater Bay Area plan share/u);
  });
});

describe("a new question does not inherit the subject", () => {
  it("another country, or another topic, is declined", () => {
    expect(headline("火炬计划的预算是多少？", "那韩国呢？")).toBe(
      "I have no data on South Korea; I only cover China.",
    );
    expect(headline("tell me about city clusters", "what about Singapore?")).toBe(
      "I have no data on Singapore; I only cover China.",
    );
    expect(
      lastAnswer("what does torch focus on?", "overall, what's the weather like in Shenzhen?").kind,
    ).toBe("none");
  });
});
