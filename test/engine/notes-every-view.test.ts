import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { Country, Policy, PolicyField } from "../../src/dataset/schema.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { renderReplyView } from "../../src/render/discord.ts";
import { renderAnswerText } from "../../src/render/text.ts";
import { payloadProblems } from "../bot/payload-problems.ts";

/**
 * Every caveat the data attaches to a value reaches the user in every view that shows the
 * value: policy cards and sections, comparisons of every pair and triple, country answers;
 * rendered as console text (which is also `ask --json`'s body) and as a Discord embed that
 * fits Discord's limits.
 *
 * Which values a view shows is written out here, from what each view displays, rather than
 * read from the engine, so a view that starts showing a value without its note fails.
 */

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);

/** A policy section shows its field, and the budget the source of funding, the years each other. */
const SECTION_SHOWS: Record<PolicyField, PolicyField[]> = {
  type: ["type"],
  summary: ["summary"],
  objectives: ["objectives"],
  focus: ["focus"],
  authorities: ["authorities"],
  beneficiaries: ["beneficiaries"],
  instruments: ["instruments"],
  start_year: ["start_year", "end_year"],
  end_year: ["end_year", "start_year"],
  budget: ["budget", "funding_source"],
  funding_source: ["funding_source"],
  evaluation: ["evaluation"],
  eu_alignment: ["eu_alignment"],
};
/** A card: type, period (start and end), budget, evaluation and summary. */
const CARD_SHOWS: PolicyField[] = [
  "type",
  "start_year",
  "end_year",
  "budget",
  "evaluation",
  "summary",
];
/** Key facts of a comparison: type, period, budget, evaluation, objectives. */
const KEY_FACTS_SHOW: PolicyField[] = [
  "type",
  "start_year",
  "end_year",
  "budget",
  "evaluation",
  "objectives",
];
/** The country's list of policies: each one's type, period and first sentence. */
const LIST_SHOWS: PolicyField[] = ["type", "start_year", "end_year", "summary"];

/** What a user must read wherever the field's value is shown. */
function caveats(policy: Policy, field: PolicyField): string[] {
  const out: string[] = [];
  const note = policy[field].note;
  if (note !== undefined) out.push(note);
  if (field === "budget") {
    for (const amount of policy.budget.amounts) {
      if (amount.conversion !== undefined) out.push(amount.conversion);
    }
  }
  if (field === "funding_source" && policy.funding_source.qualification) {
    out.push(policy.funding_source.qualification.text);
  }
  return out;
}

function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

interface Rendered {
  /** Console text, and `ask --json`'s body: the same text without the "Try:" line. */
  text: string;
  /** Every text a Discord user sees in the embed: description and each field, whole. */
  embedParts: string[];
}

function render(answer: Answer, image?: "maturity" | "timeline"): Rendered {
  const text = renderAnswerText(answer, { color: false })
    .split("\n")
    .filter((line) => !line.startsWith("Try: "))
    .join("\n");
  const payload = renderReplyView({ answer, ...(image ? { image } : {}) });
  expect(payloadProblems(payload)).toEqual([]);
  const embedParts = payload.embeds.flatMap((embed) => [
    flat(embed.description ?? ""),
    ...(embed.fields ?? []).map((field) => flat(field.value)),
  ]);
  return { text: flat(text), embedParts };
}

function expectShown(view: string, rendered: Rendered, caveat: string): void {
  const wanted = flat(caveat);
  expect(rendered.text, `${view}: console text / ask --json body`).toContain(wanted);
  expect(
    rendered.embedParts.some((part) => part.includes(wanted)),
    `${view}: Discord embed lacks “${wanted.slice(0, 80)}…”`,
  ).toBe(true);
}

function answerOf(answer: Answer): Extract<Answer, { kind: "answer" | "compare" }> {
  if (answer.kind !== "answer" && answer.kind !== "compare") {
    throw new Error(`expected an answer, got ${answer.kind}: ${answer.text}`);
  }
  return answer;
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) =>
    subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]),
  );
}

/** The shown fields whose reading is marked uncertain: the sentence itself must say so. */
function expectUncertaintySaid(
  view: string,
  answer: Answer,
  policies: Policy[],
  fields: PolicyField[],
): void {
  const uncertain = fields.some((f) => policies.some((p) => p[f].uncertain === true));
  if (!uncertain) return;
  const sentences = flat(
    [
      answer.text,
      ...answerOf(answer)
        .details.filter((d) => d.note !== true)
        .map((d) => d.value),
    ].join(" "),
  );
  expect(sentences, `${view}: the uncertain reading is said`).toMatch(/uncertain/);
}

describe.each(countries.map((c): [string, Country] => [c.id, c]))(
  "every note reaches every view: %s",
  (_id, country) => {
    const policies = country.policies;
    const views = [...POLICY_FIELDS, null] as const;

    it("policy cards and every section", () => {
      let checked = 0;
      for (const policy of policies) {
        for (const field of views) {
          const answer = answerOf(engine.policyAnswer(policy.id, field));
          const shown = field === null ? CARD_SHOWS : SECTION_SHOWS[field];
          const rendered = render(answer, field === null ? undefined : "timeline");
          const view = `${policy.id} ${field ?? "card"}`;
          for (const shownField of shown) {
            for (const caveat of caveats(policy, shownField)) {
              expectShown(view, rendered, caveat);
              checked += 1;
            }
          }
          if (field !== null) expectUncertaintySaid(view, answer, [policy], [field]);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it("comparisons of every pair and triple, key facts and each field", () => {
      let checked = 0;
      for (const size of [2, 3]) {
        for (const group of subsets(policies, size)) {
          for (const field of views) {
            const answer = answerOf(
              engine.compareAnswer(
                group.map((p) => p.id),
                field,
              ),
            );
            const shown = field === null ? KEY_FACTS_SHOW : SECTION_SHOWS[field];
            const rendered = render(answer, "timeline");
            const view = `compare ${group.map((p) => p.id).join("+")} ${field ?? "key facts"}`;
            for (const policy of group) {
              for (const shownField of shown) {
                for (const caveat of caveats(policy, shownField)) {
                  expectShown(view, rendered, caveat);
                  checked += 1;
                }
              }
            }
            expectUncertaintySaid(view, answer, group, field === null ? ["objectives"] : [field]);
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it("country answers: maturity, policies, approach, continuity, consistency, sources", () => {
      const maturity = answerOf(engine.countryAnswer(country.id, "maturity"));
      const shownMaturity = render(maturity, "maturity");
      for (const caveat of [country.maturity.note, ...country.maturity.notes]) {
        if (caveat !== undefined) expectShown("maturity", shownMaturity, caveat);
      }

      const list = render(answerOf(engine.countryAnswer(country.id, "policies")), "timeline");
      for (const policy of policies) {
        for (const field of LIST_SHOWS) {
          for (const caveat of caveats(policy, field)) expectShown("policies", list, caveat);
        }
      }

      const play = country.state_of_play;
      for (const [field, note] of [
        ["approach", play.approach.note],
        ["continuity", play.continuity.note],
        ["consistency", play.consistency.note],
      ] as const) {
        const rendered = render(answerOf(engine.countryAnswer(country.id, field)));
        if (note !== undefined) expectShown(field, rendered, note);
      }

      // Sources, for the country and narrowed to each policy: each entry shown brings its note.
      for (const policyId of [null, ...policies.map((p) => p.id)]) {
        const answer = answerOf(engine.sourcesAnswer(country.id, policyId));
        const rendered = render(answer);
        for (const entry of country.bibliography) {
          const listed = answer.details.some((d) => d.value.startsWith(entry.title));
          if (listed && entry.note !== undefined) {
            expectShown(`sources ${policyId ?? "all"}`, rendered, entry.note);
          }
        }
      }
    });
  },
);
