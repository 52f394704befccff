import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

/**
 * Questions the factsheet cannot answer that sit next to a field it can: counts and trends it
 * does not give, how to apply, places and programmes of their own. Each is declined with what
 * the factsheet does give, never answered with the nearest field.
 */

const reply = (question: string) => engine.ask(question);

describe("a count of something the factsheet does not count is declined", () => {
  it("counts members of a listed beneficiary group, not the list", () => {
    const answer = reply("how many start-ups has torch incubated since it began?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("doesn't state the number of start ups");
  });

  it("reads the counted noun in full and takes no year for a count", () => {
    const answer = reply("how many national high-tech zones did torch have in 2015?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("national high tech zones");
  });

  it("reads a Chinese count with a classifier before the noun", () => {
    const answer = reply("火炬中心目前有多少名工作人员？");
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("sector");
  });

  it("still answers a count a sentence of the texts gives", () => {
    const answer = reply("how many mainland cities does the GBA plan cover?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("nine mainland cities");
  });
});

describe("money over time and returns on it are declined", () => {
  it("does not confirm a budget cut with the budget", () => {
    const answer = reply("has the TORCH budget been slashed every year since 2012?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("no figures over time");
    expect(answer.text).not.toMatch(/^Yes/);
  });

  it("declines a return on investment rather than giving the budget", () => {
    const answer = reply("what IRR did Innofund achieve?");
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("890");
  });

  it("still answers an amount per year with the budget", () => {
    const answer = reply("how much money does city clusters get per year?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("City Clusters");
  });
});

describe("how to apply is declined; whom a policy is for is answered", () => {
  it("declines the procedure and the deadline instead of the end year", () => {
    const answer = reply("what's the deadline for SMEs to apply to the GBA plan?");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("no application procedure or deadline");
    expect(answer.text).not.toContain("2035");
  });

  it("declines a Chinese question on how to apply", () => {
    const answer = reply("请问火炬计划的申请流程是什么？");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("申请流程");
  });

  it("answers who can apply with the beneficiaries", () => {
    const answer = reply("who is eligible to apply for city clusters support?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("SMEs");
  });
});

describe("places and programmes of their own are declined by name", () => {
  it("declines Taiwan named in Chinese", () => {
    expect(reply("台湾的产业聚落政策跟火炬计划像吗？").text).toBe(
      "I have no data on Taiwan; I only cover China.",
    );
  });

  it("declines a region the texts mention as the owner of a cluster policy", () => {
    const answer = reply("京津冀的集群政策有哪些？");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("京津冀");
  });

  it("declines a quoted programme name with a number", () => {
    const answer = reply("请介绍“中国制造2025”和我国集群政策的联系");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("中国制造2025");
  });

  it("keeps a quoted item of the policy's own list", () => {
    const answer = reply("城市群政策的目标里有“连接全球供应链”这一条吗？");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("Connect to global supply chains");
  });

  it("declines where to eat in the Bay Area instead of the plan's card", () => {
    const answer = reply("大湾区边度有好食嘅烧鹅？");
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("2035");
  });
});
