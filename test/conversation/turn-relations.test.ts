import { describe, expect, it } from "vitest";
import { last } from "./typed-conversation.ts";

describe("a turn relates what it names to the policy talked about", () => {
  it("'they' beside a newly named policy are it and the policy talked about", () => {
    expect(last("When did the GBA plan start?", "and torch? how many years apart are they")).toBe(
      "compare greater-bay-area+torch start_year",
    );
    expect(
      last("when did city clusters begin?", "what about the GBA plan - how far apart are they?"),
    ).toBe("compare city-clusters+greater-bay-area start_year");
  });

  it("a field said only weakly ('how many years') gives way to the one talked about", () => {
    expect(
      last("when does the greater bay area plan end?", "and torch, how many years between them?"),
    ).toBe("compare greater-bay-area+torch end_year");
    expect(last("who runs torch?", "and city clusters, what do they offer?")).toBe(
      "city-clusters instruments",
    );
  });

  it("'it' is the policy when 'them' cannot be policies", () => {
    expect(
      last("who benefits from torch?", "and what instruments does it use to reach them?"),
    ).toBe("torch instruments");
    expect(
      last("what funding does city clusters have?", "which authorities does it rely on for them?"),
    ).toBe("city-clusters authorities");
  });

  it("'them' after one policy's field are its items, when the turn asks another field", () => {
    expect(
      last("what are the GBA plan's objectives?", "who is responsible for achieving them?"),
    ).toBe("greater-bay-area authorities");
    expect(last("gba", "compare them")).toBe("clarify");
  });

  it("'put it next to X' sets the policy talked about beside X", () => {
    expect(
      last("who benefits from torch?", "ok now put it next to the GBA plan on instruments"),
    ).toBe("compare greater-bay-area+torch instruments");
    expect(last("who runs city clusters?", "now line it up next to torch")).toBe(
      "compare city-clusters+torch authorities",
    );
  });

  it("'overall' asks of the policies as a whole, not the field talked about", () => {
    expect(
      last("when does torch end?", "and how does it stack up against the other two overall?"),
    ).toBe("compare city-clusters+greater-bay-area+torch overview");
    expect(last("who runs torch?", "and the other two?")).toBe(
      "compare city-clusters+greater-bay-area+torch authorities",
    );
  });
});

describe("a turn returning to a subject, or taking back part of the last one", () => {
  it("'going back to the policies' is the cue of a return, not a question of continuity", () => {
    expect(
      last(
        "what is the maturity of china?",
        "going back to the policies themselves, which one has no evaluation at all?",
      ),
    ).toBe("compare city-clusters+greater-bay-area+torch evaluation");
  });

  it("what follows the negated part of a correction still counts", () => {
    expect(
      last(
        "who benefits from torch?",
        "Sorry, I wanted to ask about evaluation, not beneficiaries. Only for the Greater Bay Area",
      ),
    ).toBe("greater-bay-area evaluation");
  });

  it("a policy named in a clause before 'it', if only in part, is what 'it' means", () => {
    expect(
      last(
        "when did the GBA plan start?",
        "and torch?",
        "wait go back to the bay area one — who pays for it?",
      ),
    ).toBe("greater-bay-area funding_source");
  });

  it("a refusal of a question about the subject keeps it; one about another country does not", () => {
    expect(
      last(
        "city clusters",
        "what about its KPIs?",
        "and is there a budget number anywhere, even an annual one?",
      ),
    ).toBe("city-clusters budget");
    expect(
      last("tell me about torch", "what is its budget in germany?", "when did it start?"),
    ).toBe("clarify");
  });
});
