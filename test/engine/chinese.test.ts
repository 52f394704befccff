import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultVocabularyDir, loadVocabulary } from "../../src/dataset/vocabulary.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const ask = (q: string) => engine.ask(q);
const read = (q: string) => engine.resolveQuestion(q);

describe("Chinese field questions", () => {
  it.each([
    ["火炬计划有没有被评估过", "torch", "evaluation"],
    ["城市群政策的钱是谁出的", "city-clusters", "funding_source"],
    // Money asked with where it comes from, and no amount, is its source.
    ["大湾区规划的经费由谁提供", "greater-bay-area", "funding_source"],
    ["火炬计划归哪个部门管", "torch", "authorities"],
    // An event asked with a time word is the start, not who approved it.
    ["火炬计划是哪年批准的", "torch", "start_year"],
    ["大湾区规划什么时候发布的", "greater-bay-area", "start_year"],
    ["城市群政策哪年到期", "city-clusters", "end_year"],
    ["火炬计划是地区性政策还是国家政策", "torch", "type"],
    ["大灣區規劃是國家政策還是區域政策", "greater-bay-area", "type"],
    // One policy named, with "centre or local?" after it: still that policy.
    ["城市群政策是由哪些部门负责管理和实施的？中央还是地方？", "city-clusters", "authorities"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(read(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    ["这份资料引用了哪些参考文献", "sources"],
    ["這份資料的參考文獻有哪些", "sources"],
    ["中国的集群政策有没有中断过", "continuity"],
    ["中国一共有几个集群政策，分别叫什么", "policies"],
    ["成熟度评分中哪一项没有拿到满分", "maturity"],
    ["中国是通过发展机构来推行集群政策的吗", "approach"],
  ])("%s → country %s", (question, field) => {
    expect(read(question)).toMatchObject({ kind: "country", field });
  });

  it("orders all policies by the field a superlative implies", () => {
    expect(read("哪个政策是地区性的")).toMatchObject({ kind: "compare", field: "type" });
    expect(read("哪个政策的预算最多")).toMatchObject({ kind: "compare", field: "budget" });
    expect(read("哪個政策最晚出台")).toMatchObject({ kind: "compare", field: "start_year" });
  });
});

describe("Chinese content words glossed into the English texts", () => {
  it("quotes the policy's own sentence for a word it holds (户口 → hukou)", () => {
    const answer = ask("城市群政策跟户口有什么关系？");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("hukou");
  });

  it("finds Macao and Zhuhai's role in the Greater Bay Area's text", () => {
    expect(ask("澳门和珠海在大湾区的定位是什么").text).toContain("Zhuhai");
  });

  it("answers how many special administrative regions from the sentence that says so", () => {
    expect(ask("大湾区包括哪些特别行政区").text).toContain("special administrative regions");
  });

  it("says a count the data does not give is missing", () => {
    const answer = ask("火炬计划有多少家企业参与");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("number of firms");
  });

  it.each([
    "大湾区2023年的GDP总量是多少",
    "火炬计划的员工人数",
    "城市群政策的负责人是谁",
    "德国的集群政策",
    "韩国有哪些集群政策",
    "长三角规划 预算",
    "火炬计划和863计划比较",
  ])("declines %s", (question) => {
    expect(read(question).kind).toBe("none");
  });
});

describe("ordinary Chinese words around a question", () => {
  it.each([
    ["城市群政策有没有做过任何政策评估", "city-clusters", "evaluation"],
    ["请帮我介绍一下粤港澳大湾区发展规划，给个概览就行", "greater-bay-area", null],
    ["麻烦问下火炬计划的资金到底从哪来，我需要写报告", "torch", "funding_source"],
    [
      "你好，我在写一篇关于中国区域发展的论文，想了解一下城市群政策。请问这个政策具体是由哪些部门负责的？谢谢！",
      "city-clusters",
      "authorities",
    ],
  ])("%s → %s %s", (question, policy, field) => {
    expect(read(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it("a clause saying what the answer is for does not sink the question", () => {
    expect(read("這份報告引用了哪些參考文獻？我想查原始資料")).toMatchObject({
      kind: "country",
      field: "sources",
    });
  });

  it("quotes only the unknown name back, not the whole sentence", () => {
    const answer = ask("请问火炬计划和星火计划的预算相比怎么样，我想写报告");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("“星火计划”");
  });
});

describe("the gloss table is checked data", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "glosses-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withGlosses = (words: Record<string, string>): void => {
    cpSync(defaultVocabularyDir(), dir, { recursive: true });
    const file = path.join(dir, "glosses.json");
    const glosses = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(file, "utf8")));
    writeFileSync(file, JSON.stringify({ ...glosses, words }));
  };

  it("loads as shipped", () => {
    expect(loadVocabulary().glosses.words["户口"]).toBe("hukou");
  });

  it("rejects a traditional key, which could never match (questions are read as simplified)", () => {
    withGlosses({ 戶口: "hukou" });
    expect(() => loadVocabulary(dir)).toThrow(/simplified/);
  });

  it("rejects a gloss that is not lower-case English words", () => {
    withGlosses({ 户口: "Hukou!" });
    expect(() => loadVocabulary(dir)).toThrow(/English/);
  });
});
