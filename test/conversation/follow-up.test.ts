import { describe, expect, it } from "vitest";
import { last, lastAnswer } from "./typed-conversation.ts";

describe("a follow-up takes from the conversation only what it leaves unsaid", () => {
  it("a field asked on its own is asked of the policy talked about", () => {
    expect(last("tell me about torch", "start yr?")).toBe("torch start_year");
    expect(last("what is the budget of city clusters?", "evaluation??")).toBe(
      "city-clusters evaluation",
    );
    expect(last("介绍一下粤港澳大湾区", "预计到哪一年结束？")).toBe("greater-bay-area end_year");
    expect(last("tell me about torch", "any evaluation?")).toBe("torch evaluation");
  });

  it("a policy named on its own is asked the field talked about", () => {
    expect(last("what is torch's budget?", "n gba?")).toBe("greater-bay-area budget");
    expect(last("when did city clusters start?", "and the bay area one?")).toBe(
      "greater-bay-area start_year",
    );
  });

  it("a correction asks the last question again of what it names", () => {
    expect(last("when did city clusters start?", "sorry i mean for torch program")).toBe(
      "torch start_year",
    );
    expect(last("who runs torch?", "no, I meant the end year")).toBe("torch end_year");
  });

  it("the others are compared with the policy talked about, on the field talked about", () => {
    const all = "compare city-clusters+greater-bay-area+torch funding_source";
    expect(last("who funds torch?", "how does that compare with the other two?")).toBe(all);
    expect(last("who funds torch?", "what about the others?")).toBe(all);
    expect(last("torch budget", "and the other one?")).toBe("clarify");
  });

  it("a comparison with one named policy sets it beside the policy talked about", () => {
    expect(last("tell me about torch", "和城市群政策比起来，哪个更依赖地方政府出钱？")).toBe(
      "compare city-clusters+torch funding_source",
    );
  });

  it("a question about something the data lacks stays declined, whatever came before", () => {
    for (const question of [
      "what's germany's maturity score?",
      "what's the budget of the Xiongan New Area?",
      "how much is a coffee?",
      "sorry, what's the capital of France?",
      "who won the world cup?",
    ]) {
      expect(last("what is torch's budget?", question), question).toBe("none");
    }
  });
});

describe("a question asked back is answered by the reply", () => {
  it("a reply naming only a policy gets the field that was asked", () => {
    for (const reply of ["torch", "I mean the Torch program", "TORCH, sorry", "the torch one"]) {
      expect(last("what's the budget?", reply), reply).toBe("torch budget");
    }
    expect(last("when did it start?", "city clusters")).toBe("city-clusters start_year");
    expect(last("预算是多少？", "火炬计划")).toBe("torch budget");
    expect(last("what's the budget?", "torch and gba")).toBe(
      "compare greater-bay-area+torch budget",
    );
    // The user sees the budget figure, not the policy's card.
    const answer = lastAnswer("whats the budget", "torch");
    expect(answer?.kind === "answer" ? answer.text : "").toMatch(
      /^Budget of the TORCH Program: .*EUR/u,
    );
  });

  it("the policy picked becomes the subject of what follows", () => {
    expect(last("whats the budget", "torch", "who pays for it?")).toBe("torch funding_source");
    expect(last("谁负责？", "火炬计划", "它的资金来源呢？")).toBe("torch funding_source");
  });

  it("a question asked back about 'it' after a comparison is answered by naming one", () => {
    expect(last("compare torch and gba", "when does it end?", "torch")).toBe("torch end_year");
  });

  it("a question of its own is not a reply: it is answered as asked", () => {
    expect(last("what's the budget?", "what is torch?")).toBe("torch card");
    expect(last("what's the budget?", "tell me about city clusters")).toBe("city-clusters card");
    // "both" of three offered is asked back, not answered of all three.
    expect(last("what's the budget?", "both")).toBe("clarify");
  });

  it("a reply naming something the data lacks is still declined", () => {
    expect(last("what's the budget?", "olympic torch")).toBe("none");
    expect(last("what's the budget?", "what's the weather in torch?")).toBe("none");
  });
});

describe("a comparison with one newly named policy sets it beside the subject", () => {
  it("'those', 'these' and '比呢' keep the field talked about, or take the one named", () => {
    expect(
      last(
        "what are the objectives of the greater bay area plan?",
        "how do those objectives compare with the City Clusters policy's?",
      ),
    ).toBe("compare city-clusters+greater-bay-area objectives");
    expect(
      last("GBA objectives", "and how do these compare with those of the TORCH Program?"),
    ).toBe("compare greater-bay-area+torch objectives");
    expect(last("大湾区的目标是什么？", "跟火炬计划比呢")).toBe(
      "compare greater-bay-area+torch objectives",
    );
    // "is it the same for X?" asks the fact talked about of X: X's answer says whether it is.
    expect(last("who runs torch?", "is it the same for city clusters?")).toBe(
      "city-clusters authorities",
    );
    expect(last("torch's budget", "is that the same as the gba's?")).toBe(
      "compare greater-bay-area+torch budget",
    );
    expect(last("who pays for the GBA plan?", "how does torch compare?")).toBe(
      "compare greater-bay-area+torch funding_source",
    );
    // Asked of the new policy alone, the point is the one talked about.
    expect(last("Torch's funding source?", "city clusters on the same point?")).toBe(
      "city-clusters funding_source",
    );
    // "it" is the policy: the two side by side.
    expect(last("gba type", "compare it with torch")).toBe(
      "compare greater-bay-area+torch overview",
    );
  });

  it("after a comparison of two, a new field is asked of the same two", () => {
    expect(
      last(
        "what are the objectives of the greater bay area plan?",
        "how do those objectives compare with the City Clusters policy's?",
        "which of the two is aligned with EU priorities?",
      ),
    ).toBe("compare city-clusters+greater-bay-area eu_alignment");
  });
});

describe("an ordering's winner is 'that one'", () => {
  it("the one policy an ordering puts first is the subject of a reference to one", () => {
    expect(last("which of them is the newest?", "when does that one end?")).toBe(
      "greater-bay-area end_year",
    );
    expect(last("which policy is the oldest?", "what's its budget?")).toBe("torch budget");
    expect(last("哪个政策最早开始？", "它的预算是多少？")).toBe("torch budget");
  });

  it("an ordering without a single winner leaves 'that one' asked back", () => {
    // City Clusters and the GBA plan both end in 2035; the TORCH Program has no end year.
    expect(last("which ends first?", "when did that one start?")).toBe("clarify");
  });
});

describe("a declined or asked-back turn still says what it was about", () => {
  it("a policy named in a declined turn is the subject of the next", () => {
    expect(last("what's the weather in torch?", "what's its budget?")).toBe("torch budget");
    expect(last("how many startups did the torch programme create?", "when did it start?")).toBe(
      "torch start_year",
    );
    expect(last("火炬计划有多少员工？", "它的预算呢？")).toBe("torch budget");
  });

  it("a turn that also names something the data lacks leaves no subject", () => {
    expect(last("olympic torch budget?", "what's its budget?")).toBe("clarify");
    expect(last("what's the capital of france?", "what's its budget?")).toBe("clarify");
  });

  it("a new policy named with a field word switches the subject from the ones compared", () => {
    expect(
      last(
        "compare city clusters and gba",
        "and what about the Torch programme - was it ever evaluated?",
      ),
    ).toBe("torch evaluation");
    expect(last("比较城市群和大湾区", "那火炬计划呢，它是什么时候开始的？")).toBe(
      "torch start_year",
    );
  });

  it("a turn of several questions declined as a whole is answered by its first", () => {
    const asked = lastAnswer(
      "compare city clusters and gba",
      "and what about the Torch programme - was it ever evaluated? like how many startups it created?",
    );
    expect(asked?.kind === "answer" ? asked.title : asked?.kind).toBe("TORCH Program — evaluation");
    expect(last("gba objectives", "when did torch start? how many people work there?")).toBe(
      "torch start_year",
    );
    // A clause about something the data lacks is the asker's aside; the clause we hold is answered.
    expect(last("tell me about city clusters", "what's its budget? and Germany's?")).toBe(
      "city-clusters budget",
    );
  });
});

describe("a correction takes back the last question, whatever chat is around it", () => {
  it("after a question asked back, the newly named policy gets the field that was asked", () => {
    expect(last("what's the budget?", "oh sorry, I meant the torch program")).toBe("torch budget");
    expect(last("when did it start?", "ah i mean the city clusters one lol")).toBe(
      "city-clusters start_year",
    );
    expect(last("预算是多少？", "哦，我是说城市群")).toBe("city-clusters budget");
  });

  it("after a refusal, the correction asks the refused field of what it names", () => {
    expect(
      last("what's the budget of the olympic torch?", "oh sorry, I meant the torch program"),
    ).toBe("torch budget");
    const answer = lastAnswer(
      "who runs the Xiongan New Area plan?",
      "ugh sorry, I meant the bay area plan",
    );
    expect(answer?.kind === "answer" && answer.text).toContain("Greater Bay Area");
  });

  it("a word or two of chat before the correction is chat", () => {
    expect(
      last("tell me the start year of the Chengdu cluster strategy", "oh wait i meant torch"),
    ).toBe("torch start_year");
    expect(
      last("what sectors does it cover?", "argh I meant torch sorry", "how about city clusters?"),
    ).toBe("city-clusters focus");
  });

  it("after a refusal about another country, a policy named alone is asked the field before", () => {
    expect(last("torch budget", "and the same thing in Korea?", "and for city clusters?")).toBe(
      "city-clusters budget",
    );
    expect(last("who funds city clusters?", "how is this handled in Japan?", "and torch?")).toBe(
      "torch funding_source",
    );
  });

  it("after a refusal, nothing else is read in its light", () => {
    expect(last("what's the budget of the olympic torch?", "and its start year?")).toBe("clarify");
    expect(last("what's the budget of the olympic torch?", "what about germany?")).toBe("none");
  });
});

describe("a follow-up about another country is declined, not asked back", () => {
  it("'they' beside a country the data lacks is that country", () => {
    const answer = lastAnswer(
      "tell me about torch's budget",
      "what about south korea's cluster stuff, how much do they spend?",
    );
    expect(answer?.kind).toBe("none");
    expect(answer?.text).toContain("South Korea");
    expect(last("compare torch and city clusters on budget", "and france, what do they do?")).toBe(
      "none",
    );
    expect(last("who funds city clusters?", "does germany fund theirs the same way?")).toBe("none");
  });

  it("the conversation's own comparing words are no names", () => {
    expect(
      last("GBA objectives", "compare it with torch", "and which of them has the bigger budget?"),
    ).toBe("compare greater-bay-area+torch budget");
  });
});

describe("chat around a follow-up does not lose its subject", () => {
  it("a question beside a sentence of chat is asked of the policy talked about", () => {
    expect(
      last(
        "tell me about torch",
        "and until when is it supposed to run? students always ask what comes next",
      ),
    ).toBe("torch end_year");
    expect(
      last("gba objectives", "good to know, thanks a lot. and the money side, who finances it?"),
    ).toBe("greater-bay-area funding_source");
  });

  it("a long message declined as chat still names the policy 'it' means next", () => {
    const chat =
      "so I've been reading a lot about this stuff for my thesis and my supervisor keeps nagging me about the torch programme, honestly it's been a long week, anyway could you tell me stuff";
    expect(last(chat)).toBe("none");
    expect(last(chat, "which sectors is it into?")).toBe("torch focus");
    expect(last(chat, "which sectors is it into?", "and who benefits?")).toBe(
      "torch beneficiaries",
    );
  });

  it("a long message naming a policy beside something the data lacks leaves no subject", () => {
    const chat =
      "my cousin works in Germany on something like the torch programme and we were chatting about it over dinner last night, she thinks theirs is much better funded";
    expect(last(chat, "how much money does it have?")).toBe("clarify");
  });
});

describe("'the regional one', 'the oldest one': policies picked by what the data says of them", () => {
  const types = "which policies are national and which are regional?";

  it("a type word picks the policies of that type", () => {
    expect(last(types, "for the regional one, what monitoring is in place?")).toBe(
      "greater-bay-area evaluation",
    );
    expect(last(types, "and the national ones, who funds them?")).toBe(
      "compare city-clusters+torch funding_source",
    );
    expect(last("哪些政策是国家级的，哪些是区域性的？", "区域性的那个有什么评估？")).toBe(
      "greater-bay-area evaluation",
    );
  });

  it("an end of the years picks the policy there, among those talked about", () => {
    expect(last("when did each policy start?", "what about the oldest one's budget?")).toBe(
      "torch budget",
    );
    expect(last("compare torch and city clusters", "and the newer one, what's its budget?")).toBe(
      "city-clusters budget",
    );
  });

  it("an end of the years picks nothing after one policy alone", () => {
    expect(last("gba budget", "is the older one better funded?")).not.toBe("torch funding_source");
  });

  it("'the … one' picking several is asked back, naming them", () => {
    const answer = lastAnswer(types, "and the national one?");
    expect(answer?.kind).toBe("clarify");
    expect(answer?.text).toBe("Which one do you mean: TORCH Program or City Clusters?");
  });

  it("said of the subject after a reference to it, the words do not pick", () => {
    expect(last("tell me about torch", "is this the national policy?")).toBe("torch type");
    expect(last("gba", "is it the only regional one?")).toBe("greater-bay-area type");
  });

  it("'the older of the two' picks among the two compared", () => {
    expect(last("compare torch and city clusters", "the older of the two, who runs it?")).toBe(
      "torch authorities",
    );
  });

  it("a pick beside a country the data lacks is declined", () => {
    expect(last(types, "what about the regional one in Korea?")).toBe("none");
  });
});

describe("'is it similar for X?' asks the fact talked about of X", () => {
  it("keeps the field", () => {
    expect(last("what's the gba's budget?", "is it similar for torch?")).toBe("torch budget");
    expect(last("城市群的资金来源是什么？", "大湾区也一样吗？")).toBe(
      "greater-bay-area funding_source",
    );
  });
});

describe("'the two' after one policy, then another, are those two", () => {
  it("a pair word takes the policy talked about and the one before it", () => {
    expect(
      last(
        "how long does torch run?",
        "what's that like for the gba?",
        "so which of the two started first?",
      ),
    ).toBe("compare greater-bay-area+torch start_year");
    expect(
      last("torch budget", "gba budget", "city clusters budget", "which of the two is older?"),
    ).toBe("compare city-clusters+greater-bay-area start_year");
  });

  it("'they' after several earlier ones is asked back", () => {
    expect(
      last(
        "torch budget",
        "gba budget",
        "city clusters budget",
        "how do they compare on start year?",
      ),
    ).toBe("clarify");
  });
});

describe("a reference in the sentence that asks, not in the chat beside it", () => {
  it("'it' in the question wins over 'they' in the chat", () => {
    expect(
      last(
        "tell me about the gba plan",
        "cool, and who's it for? my students keep asking me this",
        "and when will it end? they also want to know that",
      ),
    ).toBe("greater-bay-area end_year");
  });

  it("the subject said in place of 'it' does not break the field's words", () => {
    expect(
      last("tell me about the gba plan", "cool, and who's it for? my students keep asking me this"),
    ).toBe("greater-bay-area beneficiaries");
  });

  it("a name before 'sorry' is the correction, not chat", () => {
    expect(last("when does it start", "city clusters, sorry, should have said")).toBe(
      "city-clusters start_year",
    );
    expect(
      last(
        "what's the budget of the shenzhen tech plan?",
        "my mistake, I was thinking of the GBA plan",
      ),
    ).toBe("greater-bay-area budget");
  });
});

describe("a policy the turn names beats the subject talked about", () => {
  it("a partly named policy ('the bay area one') is the one asked about, never the subject", () => {
    expect(last("when does city clusters end?", "does the bay area one end the same year?")).toBe(
      "greater-bay-area end_year",
    );
    expect(
      last(
        "when does city clusters end?",
        "and the bay area one? does that really end the same year",
      ),
    ).toBe("greater-bay-area end_year");
  });

  it("names in full beat a reference; a choice with 'that one' is the subject and the name", () => {
    expect(last("tell me about gba", "nah the other one, city clusters vs gba")).toBe(
      "compare city-clusters+greater-bay-area overview",
    );
    expect(
      last("tell me about city clusters", "which of them started earlier, that one or TORCH?"),
    ).toBe("compare city-clusters+torch start_year");
  });

  it("a name in a clause of its own before the question is what 'it' means", () => {
    expect(last("tell me about torch", "hold on, going back to city clusters: who runs it?")).toBe(
      "city-clusters authorities",
    );
    expect(
      last(
        "tell me about city clusters",
        "and gba?",
        "wait go back to the bay area one — who pays for it?",
      ),
    ).toBe("greater-bay-area funding_source");
  });
});

describe("'the one with no end date': policies picked by what their data lacks", () => {
  it("picks by an empty field among those in play", () => {
    expect(last("which policies are there?", "the one with no end date, what's its budget?")).toBe(
      "torch budget",
    );
    expect(
      last(
        "how are the policies evaluated?",
        "the one without any evaluation: who would evaluate it?",
      ),
    ).toBe("city-clusters evaluation");
    expect(last("compare the budgets", "the ones without a stated budget, who funds them?")).toBe(
      "compare city-clusters+greater-bay-area funding_source",
    );
  });
});
