import { describe, expect, it } from "vitest";
import { last, lastAnswer } from "./typed-conversation.ts";

describe("words standing for the aspect talked about ask that field", () => {
  it("'in this respect', 'in that regard', 'those arrangements' compare on the last field", () => {
    const answer = lastAnswer(
      "how is city clusters evaluated?",
      "how does that compare with torch in that regard?",
    );
    expect(answer?.kind).toBe("compare");
    // The user sees both policies' evaluation, not a refusal about "regard".
    expect(answer?.text).toMatch(/City Clusters has no policy evaluation/u);
    expect(answer?.text).toMatch(/TORCH Program is evaluated/u);
    expect(
      last("who pays for the GBA plan?", "how do those arrangements stack up against torch?"),
    ).toBe("compare greater-bay-area+torch funding_source");
  });

  it("'这方面' beside 'the two' compares the two talked about on the field", () => {
    expect(last("火炬计划的受益者是谁？", "城市群呢？", "两者在这方面有什么不同？")).toBe(
      "compare city-clusters+torch beneficiaries",
    );
  });

  it("'does X offer the same?' answers X on the field talked about", () => {
    const answer = lastAnswer(
      "what instruments does torch use?",
      "does the GBA plan have the same?",
    );
    expect(answer?.kind).toBe("answer");
    expect(answer?.kind === "answer" ? answer.policy : null).toBe("greater-bay-area");
    expect(answer?.text).toMatch(/Greater Bay Area plan offers/u);
    expect(last("when does city clusters end?", "is it likewise for torch?")).toBe(
      "torch end_year",
    );
  });

  it("a field the turn says itself wins over the one talked about", () => {
    expect(
      last(
        "what sectors does city clusters focus on?",
        "and the GBA, does it serve the same target groups?",
      ),
    ).toBe("greater-bay-area beneficiaries");
  });

  it("'the same as X's' still sets the two side by side", () => {
    expect(last("who funds torch?", "is that the same as city clusters'?")).toBe(
      "compare city-clusters+torch funding_source",
    );
  });

  it("after a policy's card, the aspect is the policy as a whole", () => {
    expect(last("tell me about the gba", "in that respect, how does torch compare?")).toBe(
      "compare greater-bay-area+torch overview",
    );
  });
});

describe("a word two fields share means the one talked about", () => {
  it("'funding' after a source of funding is the source of funding, after a budget the budget", () => {
    const answer = lastAnswer("who funds torch?", "how does the GBA plan's funding compare?");
    expect(answer?.kind).toBe("compare");
    expect(answer?.text).toMatch(/state government/u);
    expect(last("what's the budget of torch?", "and the GBA's funding?")).toBe(
      "greater-bay-area budget",
    );
  });

  it("a field built from the shared word with others is kept", () => {
    expect(last("what is torch's budget?", "and where does that money come from?")).toBe(
      "torch funding_source",
    );
  });
});

describe("a choice after two policies chooses between those two", () => {
  it("'which one …?' with no name is about the two talked about", () => {
    expect(last("when did the GBA plan start?", "and torch?", "which one is older then?")).toBe(
      "compare greater-bay-area+torch start_year",
    );
  });

  it("after all three were talked about, it is about all three", () => {
    expect(
      last(
        "when did the GBA plan start?",
        "and torch?",
        "and city clusters?",
        "which one came first?",
      ),
    ).toBe("compare city-clusters+greater-bay-area+torch start_year");
  });

  it("'两项' and '两个' are the two", () => {
    expect(
      last("火炬计划的资金来源是什么？", "大湾区规划呢？", "这两项政策哪一项结束得更晚？"),
    ).toMatch(/^compare greater-bay-area\+torch /u);
  });
});

describe("the policy a subject is derived from, as the data records it", () => {
  it("'the national policy it comes from' after the GBA plan is City Clusters", () => {
    const answer = lastAnswer(
      "who is behind the greater bay area plan?",
      "and the national policy it stems from, has that one been evaluated?",
    );
    expect(answer?.kind === "answer" ? answer.policy : null).toBe("city-clusters");
    expect(answer?.text).toMatch(/City Clusters has no policy evaluation/u);
    expect(last("大湾区规划的资金来自哪里？", "它所依据的国家政策呢？")).toBe(
      "city-clusters funding_source",
    );
  });

  it("'the plan derived from it' after City Clusters is the GBA plan", () => {
    expect(last("who runs city clusters?", "and the plan derived from it?")).toBe(
      "greater-bay-area authorities",
    );
  });

  it("a policy the data records no parent for is never given another's facts", () => {
    expect(last("who runs torch?", "and its parent policy?")).not.toMatch(
      /^(city-clusters|greater-bay-area)/u,
    );
  });
});

describe("what a follow-up refers to", () => {
  it("'that list' is the list just read, not a policy named in the reason for asking", () => {
    expect(
      last(
        "which sectors does the GBA plan cover?",
        "Does that list include sustainable energy? I ask since the TORCH list does.",
      ),
    ).toBe("greater-bay-area focus");
  });

  it("'and X?' about a region the data lacks is declined, not answered of the subject", () => {
    const answer = lastAnswer("火炬计划什么时候结束？", "那长三角的规划呢？");
    expect(answer?.kind).toBe("none");
  });
});
