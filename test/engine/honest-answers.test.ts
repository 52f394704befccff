import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerSection } from "../../src/answers/types.ts";
import { createEngine } from "../../src/create-engine.ts";
import { buildCatalog } from "../../src/search/catalog.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { renderReplyView } from "../../src/render/discord.ts";
import { renderAnswerText } from "../../src/render/text.ts";
import { payloadProblems } from "../bot/payload-problems.ts";

/**
 * What the source qualifies, the answer qualifies: each case as the user reads it, in the
 * console text (which is `ask --json`'s body) and in the Discord embed.
 */

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);
const china = countries.find((c) => c.id === "china");
if (!china) throw new Error("china.json did not load");

function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function answerOf(answer: Answer): Extract<Answer, { kind: "answer" | "compare" }> {
  if (answer.kind !== "answer" && answer.kind !== "compare") {
    throw new Error(`expected an answer, got ${answer.kind}: ${answer.text}`);
  }
  return answer;
}

/** The console text of a question's answer, whitespace folded. */
function consoleText(question: string): string {
  return flat(renderAnswerText(engine.ask(question), { color: false }));
}

/** Everything the Discord embed shows, whitespace folded. */
function embedText(answer: Answer): string {
  const payload = renderReplyView({ answer });
  expect(payloadProblems(payload)).toEqual([]);
  return flat(
    payload.embeds
      .flatMap((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)])
      .join("\n"),
  );
}

describe("comparisons carry each policy's notes on the data", () => {
  it("objectives of TORCH and the GBA plan: 'alone has' is said with the uncertain reading and both notes", () => {
    const answer = answerOf(engine.ask("compare objectives of torch and greater bay area"));
    expect(answer.text).toContain("the Greater Bay Area plan alone has 3");
    expect(answer.text).toContain("uncertain (see the notes)");
    const shown = consoleText("compare objectives of torch and greater bay area");
    expect(shown).toContain("TORCH Program (objectives): The export spells");
    expect(shown).toContain("Greater Bay Area plan (objectives): Uncertain column");
    expect(embedText(answer)).toContain("would give this copy to TORCH");
  });

  it("EU priorities of City Clusters and the GBA plan: the note both carry names both", () => {
    const shown = consoleText("compare eu priorities of city clusters and gba");
    expect(shown).toContain(
      "City Clusters (EU priorities) and Greater Bay Area plan (EU priorities):",
    );
    expect(shown).toContain("fits only the column-by-column order");
  });

  it("instruments: TORCH's spilled voucher line is said to be uncertain, the other reading recorded", () => {
    const answer = answerOf(engine.ask("compare torch and city clusters instruments"));
    expect(answer.text).toContain("uncertain");
    expect(embedText(answer)).toContain("Other reading: a technical-assistance item of TORCH");
  });
});

describe("source qualifiers stay with the fact", () => {
  it("'both end in 2035' keeps City Clusters' 'may continue even after this period'", () => {
    const answer = answerOf(engine.ask("compare end year of city clusters and gba"));
    expect(answer.text).toContain("are both planned to end in 2035");
    expect(answer.text).toContain("City Clusters: it may continue even after this period");
    expect(embedText(answer)).toContain("it may continue even after this period");
  });

  it("a City Clusters card and the policy list keep 'may continue' with 2035", () => {
    expect(answerOf(engine.policyAnswer("city-clusters", null)).text).toContain(
      "from 2006 to 2035 (it may continue even after this period)",
    );
    expect(answerOf(engine.countryAnswer("china", "policies")).text).toContain(
      "City Clusters (national cluster policy, 2006–2035; it may continue even after this period)",
    );
  });

  it("does the central government fund TORCH? — not a plain yes: the source's limit is said", () => {
    const limited =
      "Funding from the central government is limited, and local governments are largely responsible for the administration and financing of high-technology zones.";
    for (const question of [
      "does the central government fund TORCH?",
      "who funds torch",
      "torch budget",
    ]) {
      const answer = answerOf(engine.ask(question));
      expect(answer.text, question).not.toMatch(/^Yes\b/);
      expect(answer.text, question).toContain(limited);
      expect(answer.sources, question).toContain(
        "Country factsheet: China › National cluster policy › INSTRUMENTS",
      );
      expect(embedText(answer), question).toContain(limited);
    }
    const compared = answerOf(engine.ask("compare the funding of torch and city clusters"));
    expect(compared.text).toContain(
      "but the source adds: “Funding from the central government is limited",
    );
  });

  it("examples stay examples: 'such as' and 'for instance' in data and answers", () => {
    expect(china.policies.map((p) => p.focus.sectors_qualifier)).toEqual([
      "such as",
      "such as",
      "for instance",
    ]);
    expect(answerOf(engine.ask("gba focus")).text).toBe(
      "The Greater Bay Area plan is cross-sectoral, covering sectors, for instance, sustainable energy, technology and infrastructure.",
    );
    expect(answerOf(engine.ask("torch focus")).text).toContain(
      "covering sectors such as biomedicine",
    );
    expect(answerOf(engine.ask("city clusters sectors")).text).toContain(
      "covering sectors such as high-technology products",
    );
    const compared = answerOf(engine.ask("compare the focus of city clusters and gba")).text;
    expect(compared).toContain("City Clusters covers sectors such as");
    expect(compared).toContain("the Greater Bay Area plan covers sectors, for instance,");
  });
});

describe("a stray full stop does not cut a sentence where the list goes on", () => {
  it("the policy list gives City Clusters' whole first sentence", () => {
    const answer = answerOf(engine.countryAnswer("china", "policies"));
    const line = answer.details.find((d) => d.name === "City Clusters")?.value ?? "";
    expect(line).toContain(
      "by accumulating businesses. R&D institutions, and universities within a city cluster.",
    );
    expect(line).not.toMatch(/accumulating businesses\.$/);
  });

  it("a question about a part of the list gets the whole sentence, not the fragment after the stop", () => {
    for (const question of [
      "what does city clusters do with R&D institutions",
      "city clusters universities within a city cluster",
    ]) {
      const answer = engine.ask(question);
      if (answer.text.includes("R&D institutions, and universities")) {
        expect(answer.text, question).toContain(
          "by accumulating businesses. R&D institutions, and universities",
        );
      }
    }
    // The sentences the resolver answers passage questions from keep the list whole.
    const sentences = buildCatalog(countries).policySentences("city-clusters");
    expect(sentences.map((s) => s.sentence)).toContain(
      "The City Clusters policy aims to create 19 super-regions in China that are focused on regional specialisation, three of which are priority objectives, by accumulating businesses. R&D institutions, and universities within a city cluster.",
    );
    expect(sentences.map((s) => s.sentence)).not.toContain(
      "R&D institutions, and universities within a city cluster.",
    );
  });

  it("the text stays verbatim, and the summary's first sentence runs to the end of the list", () => {
    const torch = china.policies.find((p) => p.id === "torch");
    expect(torch?.summary.text).toContain(
      "through Innovation Clusters. Technology Business Incubators, Seed Funding (Innofund), and the Venture Guiding Fund.",
    );
    expect(answerOf(engine.ask("city clusters summary")).text).toMatch(
      /R&D institutions, and universities within a city cluster\.$/,
    );
  });
});

describe("maturity: the factsheet's scores, rules and words", () => {
  it("the 6.5 of 7 total is said to be the sum of the four scores the factsheet gives", () => {
    const answer = answerOf(engine.ask("china maturity"));
    expect(answer.text).toContain("6.5 of 7 — the sum of the four scores the factsheet gives");
    expect(embedText(answer)).toContain("the sum of the four scores the factsheet gives");
  });

  it("each dimension's rule as the factsheet states it, and the intro sentence, are shown", () => {
    const answer = answerOf(engine.countryAnswer("china", "maturity"));
    const text = flat(renderAnswerText(answer, { color: false }));
    const embed = embedText(answer);
    expect(text).toContain("which are scored based on their existence:");
    expect(embed).toContain("which are scored based on their existence:");
    for (const dimension of china.maturity.dimensions) {
      expect(text).toContain(flat(dimension.rule));
      expect(embed).toContain(flat(dimension.rule));
    }
    expect(text).toContain('The export prints the evidence-of-performance score as "0,5"');
  });

  it("were terminated policies evaluated? — answered from the state of play: no evaluation", () => {
    for (const question of [
      "Were terminated policies evaluated in China?",
      "were past policies evaluated in china",
    ]) {
      const answer = answerOf(engine.ask(question));
      expect(answer.kind, question).toBe("answer");
      expect(answer.field, question).toBe("maturity");
      expect(answer.text, question).toMatch(/^Evidence of performance: 0\.5 of 1/);
      expect(answer.text, question).toContain(
        "no policy evaluation for terminated policies (“The sources do not indicate a policy evaluation for terminated policies in China”)",
      );
      expect(answer.sources, question).toContain(
        "Country factsheet: China › State of play of cluster policy › Policy evaluation (for terminated policies)",
      );
    }
  });
});

describe("sources: an address the source prints cut short is not a link", () => {
  it("China Briefing (2012) is marked incomplete, with its note", () => {
    const answer = answerOf(engine.sourcesAnswer("china", null));
    const entry = answer.details.find((d) => d.name === "China Briefing (2012)");
    expect(entry?.value).toContain(
      "address incomplete in the source (not a link): “www.chinas-industry-clusters/”",
    );
    expect(embedText(answer)).toContain("names no website: incomplete");
  });
});

describe("Discord: notes survive whatever the limits cut", () => {
  it("every note is in the embed, however long the other sections", () => {
    // Lengths drawn over the whole range (fast-check favours short strings otherwise), so the
    // other sections often overflow the 6000-character total.
    const ofLength = (min: number, max: number) =>
      fc.integer({ min, max }).chain((n) => fc.string({ minLength: n, maxLength: n, size: "max" }));
    const section = fc.record({ name: ofLength(1, 60), value: ofLength(1, 1100) });
    const note = ofLength(20, 700)
      .filter((text) => text.trim().length >= 20)
      .map((text) => `note ${text.trim()}`);
    fc.assert(
      fc.property(
        fc.array(section, { maxLength: 30, size: "max" }),
        fc.array(note, { minLength: 1, maxLength: 4 }),
        (sections, notes) => {
          const details: AnswerSection[] = [
            ...sections,
            ...notes.map((value) => ({ name: "Note on the data", value, note: true })),
          ];
          const answer: Answer = {
            kind: "answer",
            country: "china",
            policy: null,
            field: "maturity",
            title: "A long answer",
            text: "The first sentence.",
            details,
            sources: ["Country factsheet: China › State of play of cluster policy"],
            suggestions: [],
          };
          const payload = renderReplyView({ answer });
          expect(payloadProblems(payload)).toEqual([]);
          const parts = payload.embeds.flatMap((e) => [
            e.description ?? "",
            ...(e.fields ?? []).map((f) => f.value),
          ]);
          for (const text of notes) {
            expect(parts.some((part) => part.includes(text))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
