import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askCommand } from "../../commands/ask.ts";
import { compareCommand } from "../../commands/compare.ts";
import { exportCommand } from "../../commands/export.ts";
import { helpCommand } from "../../commands/help.ts";
import { maturityCommand } from "../../commands/maturity.ts";
import { policyCommand } from "../../commands/policy.ts";
import { sourcesCommand } from "../../commands/sources.ts";
import type { Command } from "../../src/command-api.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { localNames } from "../../src/i18n/names.ts";
import { renderReplyView } from "../../src/render/discord.ts";
import { runCommand } from "../bot/command-context.ts";
import { payloadProblems, payloadText } from "../bot/payload-problems.ts";

const engine = createEngine(loadDataset(defaultDataDir()));
const names = localNames(engine.countries, "zh-CN");
const policyIds = engine.countries.flatMap((country) =>
  country.policies.map((policy) => policy.id),
);
const countryIds = engine.countries.map((country) => country.id);

/** Every command with every section and subject, as a zh-CN reader would get it. */
const invocation = fc.oneof(
  fc.record({
    command: fc.constant<Command>(policyCommand),
    values: fc.record({
      name: fc.constantFrom(...policyIds),
      section: fc.constantFrom("", ...POLICY_FIELDS),
    }),
  }),
  fc.record({
    command: fc.constant<Command>(compareCommand),
    values: fc.record({
      a: fc.constantFrom(...policyIds),
      b: fc.constantFrom(...policyIds),
      field: fc.constantFrom("", ...POLICY_FIELDS),
    }),
  }),
  fc.record({
    command: fc.constantFrom<Command>(maturityCommand, exportCommand, sourcesCommand),
    values: fc.record({ country: fc.constantFrom(...countryIds) }),
  }),
  fc.record({ command: fc.constant<Command>(helpCommand), values: fc.constant({}) }),
  fc.record({
    command: fc.constant<Command>(askCommand),
    values: fc.record({
      question: fc.constantFrom(
        "火炬计划的预算是多少？",
        "城市群什么时候开始？",
        "中国的成熟度",
        "比较火炬计划和粤港澳大湾区",
      ),
    }),
  }),
);

describe("zh-CN: every command × section fits Discord's limits", () => {
  it("holds for every command, section and subject (property)", async () => {
    await fc.assert(
      fc.asyncProperty(invocation, async ({ command, values }) => {
        const cleaned = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
        const { views } = await runCommand(command, engine, cleaned);
        for (const view of views) {
          const payload = renderReplyView(view, { locale: "zh-CN", localNames: names });
          expect(payloadProblems(payload)).toEqual([]);
          expect(payload.allowedMentions).toEqual({ parse: [] });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("says its labels in Chinese and shows Chinese names beside the English ones", async () => {
    const { views } = await runCommand(policyCommand, engine, { name: "torch", section: "budget" });
    const [view] = views;
    if (!view) throw new Error("no reply");
    const text = payloadText(renderReplyView(view, { locale: "zh-CN", localNames: names }));
    expect(text).toContain("TORCH Program（火炬计划） — 预算");
    expect(text).toContain("来源：");
    expect(text).toContain("资金来源");
  });
});
