import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("chatty words: a misspelt question word is that word, not something asked about", () => {
  it.each([
    ["wot does torch do", "The TORCH Program is a national cluster policy"],
    ["wut's city clusters", "City Clusters is a national cluster policy"],
    ["whta is the gba plan", "The Greater Bay Area plan is a regional cluster policy"],
  ])("%s → the overview", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
    expect(answer.text).not.toContain("doesn't say anything about");
  });

  it("wen did torch start → its start year", () => {
    expect(engine.ask("wen did torch start").text).toContain("started in 1988");
  });

  it("a place name a few letters from a question word stays a name", () => {
    const answer = engine.ask("the wuhan city cluster budget");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("wuhan");
  });
});

describe("chatty words: days, months and deadlines are no policy names", () => {
  it.each([
    ["Monday again. who funds it?", "source of funding"],
    ["need the end year by EOD", "end year"],
    ["quick one before my 3pm meeting: who are the beneficiaries?", "beneficiaries"],
    ["need the funding source ASAP pls", "source of funding"],
  ])("%s → asks which policy", (question, field) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("clarify");
    expect(answer.text).toContain(`Which policy do you mean? I can give the ${field}`);
  });

  it("a name we lack stays declined beside a deadline", () => {
    const answer = engine.ask("who funds the Lisbon hub by Friday");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("lisbon hub");
  });
});

describe("chatty words: asides on the form of the answer ask for nothing the data lacks", () => {
  it.each([
    ["greater bay area: main facts, one minute", "The Greater Bay Area plan is a regional"],
    ["torch in a nutshell, 30 seconds", "The TORCH Program is a national"],
    ["city clusters - key points, two minutes max", "City Clusters is a national"],
    ["spill the tea on the torch program", "The TORCH Program is a national"],
    ["gba plan in plain english", "The Greater Bay Area plan is a regional"],
  ])("%s → the overview", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
  });

  it("a field asked with an aside is that field", () => {
    expect(engine.ask("who runs torch? two lines max").text).toContain("Responsible for");
  });

  it.each([
    ["what's the torch program's carbon footprint, in one sentence", "carbon footprint"],
    ["does the GBA plan cover space tourism? one line", "space tourism"],
  ])("%s → still declined by what it asks", (question, quoted) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(quoted);
  });
});

describe("chatty words: the part of a message that asks decides; the story is context", () => {
  it.each([
    [
      "hey there!! 😊 just got back from a trip to Chengdu (the hotpot was amazing 🌶️), my uncle told me a lot about money and history. anyway, tell me about the city clusters plan?",
      "City Clusters is a national cluster policy",
    ],
    [
      "hi all, long day at work 😅 my boss keeps talking about trade and money lol. so what's the gist of the torch program?",
      "The TORCH Program is a national cluster policy",
    ],
    [
      "my trip cost so much money lol. what's the gist of torch?",
      "The TORCH Program is a national cluster policy",
    ],
  ])("%s → the overview, no field from the story", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
    expect(answer.text).not.toContain("Budget");
  });

  it("a field the asking part names is answered", () => {
    const answer = engine.ask(
      "back from a long trip 🧳 and catching up. who funds the torch program?",
    );
    expect(answer.text).toContain("Source of funding for the TORCH Program");
  });

  it("a story naming a policy beside a question about something else is declined", () => {
    const answer = engine.ask(
      "hello!! 😊 my cousin works in Shenzhen near the GBA offices, lovely city. can you recommend a good dim sum place there?",
    );
    expect(answer.kind).toBe("none");
  });
});

describe("chatty words: values offered as alternatives ask for that fact", () => {
  it.each([
    ["did torch start in 1990 or 1995?", "The TORCH Program started in 1988"],
    ["is torch from the 80s or the 90s?", "The TORCH Program started in 1988"],
    ["does city clusters end in 2030 or 2035?", "City Clusters is planned to end in 2035"],
    ["does the GBA get 1bn or 2bn a year?", "The sources state no budget for the Greater Bay Area"],
  ])("%s → %s", (question, headline) => {
    expect(engine.ask(question).text).toContain(headline);
  });

  it("alternatives about a programme we lack are still declined", () => {
    const answer = engine.ask("did the 863 program start in 1986 or 1988?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("863 program");
  });
});

describe("chatty words: texting short forms are the words they stand for", () => {
  it.each(["ok but what's city clusters rn", "what's ur take on city clusters, short answer"])(
    "%s → the overview",
    (question) => {
      expect(engine.ask(question).text).toContain("City Clusters is a national cluster policy");
    },
  );
});

describe("chatty words: a part asking a field in known words is no story", () => {
  it("budget question: what about torch? → its budget", () => {
    expect(engine.ask("budget question: what about torch?").text).toContain(
      "Budget of the TORCH Program",
    );
  });
});

describe("chatty words: held letters and emoji", () => {
  it.each([
    ["ughhh mondays. what's the budget?", "budget"],
    ["omg finals week 😭 who are the beneficiaries", "beneficiaries"],
    ["hiii! need the start year pleeease", "start year"],
  ])("%s → asks which policy", (question, field) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("clarify");
    expect(answer.text).toContain(`I can give the ${field}`);
  });
});
