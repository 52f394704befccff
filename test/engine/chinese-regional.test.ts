import { describe, expect, it } from "vitest";
import { mandarinFromCantonese } from "../../src/search/cantonese.ts";
import { chinaEngine as engine } from "../china-engine.ts";

describe("Taiwan's and Hong Kong's words are read as the mainland's", () => {
  it("群聚 (Taiwan's word for cluster) is 集群, as a whole word only", () => {
    expect(mandarinFromCantonese("產業群聚政策")).toBe("产业集群政策");
    expect(mandarinFromCantonese("人群聚集")).toBe("人群聚集");
  });

  it.each(["目前有哪些產業群聚政策", "中國現在有哪些群聚政策？", "中国目前有哪些产业集群政策"])(
    "%s → the list of China's policies",
    (question) => {
      expect(engine.ask(question).text).toContain("China has 3 cluster policies in the data");
    },
  );

  it.each(["這三個群聚政策哪一個最早開始？", "三項政策裡面哪一個最早？"])(
    "%s → the three ordered by start",
    (question) => {
      expect(engine.ask(question).text).toContain("The TORCH Program started first (1988)");
    },
  );

  it("an industrial cluster (產業群聚) is no question about sectors: the approach is asked", () => {
    expect(engine.ask("中國用什麼方式在推動產業群聚？").text).toContain(
      "China's cluster policy approach",
    );
  });
});

describe("verbs of running and paying ask who runs and who pays", () => {
  it.each([
    ["火炬計畫是誰在管？", "Responsible for the TORCH Program"],
    ["城市群政策歸誰管", "Responsible for City Clusters"],
    ["大灣區規劃邊個管㗎？", "Responsible for the Greater Bay Area plan"],
    ["大湾区规划是哪个部门在管", "Responsible for the Greater Bay Area plan"],
    ["火炬计划谁给钱", "Source of funding for the TORCH Program"],
    ["大灣區邊個俾錢？", "Source of funding for the Greater Bay Area plan"],
    ["城市群政策嘅錢邊個俾", "Source of funding for City Clusters"],
  ])("%s → %s", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
  });

  it("管 inside another word (不管, regardless) asks nothing about who runs it", () => {
    expect(engine.ask("不管怎样，火炬计划的预算是多少").text).toContain(
      "Budget of the TORCH Program",
    );
  });
});

describe("Cantonese mixed with English", () => {
  it.each([
    ["呢個 policy 嘅 beneficiaries 係邊啲?", "beneficiaries"],
    ["有冇 voucher 俾 startup? 想知有咩 instruments", "instruments"],
    ["呢個 policy 嘅 budget 係幾多?", "budget"],
  ])("%s, with no policy named, asks which policy (%s)", (question, field) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("clarify");
    expect(answer.text).toContain(`Which policy do you mean? I can give the ${field} of`);
  });

  it.each([
    ["城市群嘅 beneficiaries 係邊啲?", "City Clusters is aimed at"],
    ["火炬計劃嘅 budget 係幾多?", "Budget of the TORCH Program"],
    ["GBA plan 算 national 定係 regional policy?", "The Greater Bay Area plan is a regional"],
  ])("%s → %s", (question, text) => {
    expect(engine.ask(question).text).toContain(text);
  });
});

describe("邊個 asks which before a noun, who elsewhere", () => {
  it.each(["邊個政策冇評估過?", "邊個 policy 冇 evaluate 過?"])(
    "%s → the three policies' evaluation side by side",
    (question) => {
      const answer = engine.ask(question);
      expect(answer.kind === "compare" ? answer.policies : []).toEqual([
        "city-clusters",
        "greater-bay-area",
        "torch",
      ]);
    },
  );
});
