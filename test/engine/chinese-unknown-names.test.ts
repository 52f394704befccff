import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("a Chinese name the data does not hold is declined by that name, beside ours too", () => {
  it.each([
    ["雄安新区和大湾区哪个先开始", "雄安新区"],
    ["大湾区和雄安新区分别由谁负责", "雄安新区"],
    ["一带一路和火炬计划哪个预算更多", "一带一路"],
    ["火炬计划与一带一路倡议有何不同", "一带一路倡议"],
    ["中关村跟火炬计划哪个更早", "中关村"],
    ["火炬计划里的中关村示范区评估过吗", "中关村示范区"],
    ["京津冀协同发展规划和城市群政策哪个早", "京津冀协同发展规划"],
    ["長三角一體化規劃什麼時候結束", "长三角一体化规划"],
    ["雄安新區的經費有多少", "雄安新区"],
  ])("%s → declined, naming “%s”", (question, name) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(`I have no data on “${name}”`);
  });

  it.each([
    ["火炬计划和城市群哪个更早开始", "The TORCH Program started earlier"],
    ["火炬计划和它的预算", "Budget of the TORCH Program"],
    ["城市群规划的目标是什么", "City Clusters pursues"],
    ["火炬计划是国家级政策还是地方政策", "The TORCH Program is a national cluster policy"],
    ["火炬计划跟中小企业的关系", "The TORCH Program is aimed at SMEs"],
  ])("%s: our names, joined or with words of asking, are still answered", (question, text) => {
    expect(engine.ask(question).text).toContain(text);
  });
});

describe("EU priorities and a side-by-side of all three", () => {
  it.each(["大湾区规划和欧盟优先领域是否一致？", "大灣區規劃跟歐盟的優先領域一致嗎"])(
    "%s → the Greater Bay Area plan's alignment with EU priorities",
    (question) => {
      expect(engine.ask(question).text).toContain("The Greater Bay Area plan is aligned");
    },
  );

  it.each(["把三个政策放一起对比一下，关键信息就行", "把三個政策放在一起比較一下，要點就好"])(
    "%s → the three side by side",
    (question) => {
      const answer = engine.ask(question);
      expect(answer.kind === "compare" ? answer.title : answer.kind).toBe(
        "TORCH Program vs City Clusters vs Greater Bay Area plan",
      );
    },
  );
});

describe("what is asked of all three policies is no name", () => {
  it.each([
    ["三个政策里面，哪一个的政策评估做得最薄弱？", "evaluation"],
    ["请对三项集群政策的资金来源进行比较分析。", "funding_source"],
  ])("%s → compares the three by %s", (text, field) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("compare");
    expect(answer.kind === "compare" && answer.field).toBe(field);
  });

  it.each([
    ["预算是多少一带一路", "一带一路"],
    ["三个政策的预算和星火计划", "星火计划"],
  ])("%s → still declined by %s", (text, name) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(name);
  });
});
