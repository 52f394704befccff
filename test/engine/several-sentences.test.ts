import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("a message of several sentences reads like a small conversation", () => {
  it("'it' in the sentence that asks is the one policy an earlier sentence named", () => {
    const answer = engine.ask(
      "my supervisor keeps bringing up the TORCH programme in every meeting we have had this month. who actually funds it, the centre or the provinces?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toMatch(/TORCH/);
    expect(answer.text).not.toMatch(/Which policy/);
  });

  it("'what is it?' after a sentence naming a policy shows its card", () => {
    const answer = engine.ask(
      "the TORCH thing came up again in my seminar today and honestly I was lost most of the time. what is it exactly?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("1988");
  });

  it("the user's own programme or region in another sentence does not blur the name", () => {
    const answer = engine.ask(
      "We run a small cluster programme in Tyrol. Is the GBA plan aligned with EU priorities?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toMatch(/Greater Bay Area/);
  });

  it("a policy named beside something the data lacks is not what 'it' means", () => {
    const answer = engine.ask(
      "I have been asked by my boss to look into a bunch of things this week including the Yangtze city cluster. who funds it?",
    );
    expect(answer.kind).not.toBe("answer");
    expect(answer.text).not.toMatch(/local and municipal/);
  });

  it("a request about the user's own work is still not a question about the policy", () => {
    const answer = engine.ask(
      "I wrote a long essay about City Clusters for my class and my teacher really liked it a lot. can you proofread it for me?",
    );
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("2006");
  });
});

describe("all but one policy named as already read", () => {
  it("'what about the other one?' shows the one not named", () => {
    const answer = engine.ask(
      "I've read the GBA stuff and the TORCH stuff, what about the other one?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("City Clusters");
    expect(answer.text).not.toContain("1988");
  });

  it("a comparison asked in words stays a comparison", () => {
    expect(engine.ask("compare GBA and TORCH with the other one").kind).toBe("compare");
  });
});

describe("a story before the question lowers confidence, it does not hide the question", () => {
  it("'is he right?' after a claim about a named policy answers the claim's field", () => {
    const answer = engine.ask(
      "A retired engineer I met on the train keeps saying nobody ever evaluated the City Clusters policy. Is he right??",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toBe("City Clusters has no policy evaluation.");
  });

  it("a claim about a name the data lacks is still declined by that name", () => {
    const answer = engine.ask(
      "My friend swears the Yangtze city cluster was evaluated twice by the ministry. Is she right?",
    );
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("yangtze city cluster");
  });

  it("'what is that plan about?' after a story naming the GBA shows the GBA's card", () => {
    const answer = engine.ask(
      "I went to a talk in Shenzhen where the Greater Bay Area came up a lot, and I understood very little of it. What is that plan about, briefly?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.text).toMatch(/^The Greater Bay Area plan is a regional cluster policy/);
  });

  it("'this programme' is one programme, never the country's list of them", () => {
    const answer = engine.ask(
      "Our reading group argued about Chinese industrial policy for a whole evening, and TORCH kept coming up in between. Could you explain what this programme is about?",
    );
    expect(answer.text).not.toMatch(/China has 3 cluster policies/);
    expect(answer.kind).toBe("none");
  });
});

describe("'its' beside the name a part asks about points at that name", () => {
  it("a remark on the user's comparison before 'How does City Clusters split its instruments?'", () => {
    const answer = engine.ask(
      "I am putting the three Chinese cases side by side for a workshop. How does City Clusters split its instruments?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.policy).toBe("city-clusters");
    expect(answer.kind === "answer" && answer.field).toBe("instruments");
  });
});
