import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import type { ConversationState } from "../../src/conversation/state.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";

const engine = createEngine(loadDataset(defaultDataDir()));

/** The last answer of a conversation typed line by line, as the user sees it (kind, subject, field). */
function last(...lines: string[]): string {
  let state: ConversationState | null = null;
  let answer: Answer | null = null;
  for (const line of lines) {
    const turn = engine.converse(line, state);
    state = turn.state;
    answer = turn.answer;
  }
  switch (answer?.kind) {
    case "answer":
      return `${answer.policy ?? answer.country} ${answer.field ?? "card"}`;
    case "compare":
      return `compare ${answer.policies.join("+")} ${answer.field ?? "overview"}`;
    default:
      return answer?.kind ?? "nothing";
  }
}

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
