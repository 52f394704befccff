import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/**
 * A question that names one of our policies clearly is answered from the evidence it gives,
 * however one of its other words reads: a mistyped field word, a verb after the name, the
 * asker's own story, a figure that counts nothing the data counts. Another name beside ours
 * and a count the data never gives still decline.
 */
const answer = (q: string): string =>
  renderAnswerText(engine.ask(q), { color: false }).replace(/\s+/g, " ");

describe("one odd word does not throw away a policy named clearly", () => {
  it.each([
    // A field word mistyped into another English word, right beside the name.
    ["gba summery please", "Greater Bay Area plan — summary"],
    // After "does <name>", a verb followed by its object is no more of the name.
    [
      "can the gba plan subsidise coworking spaces?",
      "“Infrastructure: coworking spaces, offices, incubation and accelerator spaces",
    ],
    ["How does TORCH map onto the EU priorities?", "aligned with the EU priority Digitalisation"],
    // The asker's story beside the question is not what the passage must hold.
    ["does torch cover marine tech? we are a shipbuilding startup", "marine technology"],
    // A policy set against its own field is no comparison with another policy.
    ["city clusters vs EU priorities?", "aligned with the EU priority Social inclusion"],
    // A figure that counts no field's things: the field asked answers.
    ["people say the gba plan has been evaluated 4 times, really?", "in itinere"],
    ["a summary of city clusters for a group of 12-year-olds please", "19 super-regions"],
    // "please" asks: an adverb beside the name says how, not what.
    ["city clusters explained plainly please", "City Clusters is a national cluster policy"],
    // "r" is "are", not the R of R&D.
    ["city clusters r they about toys?", "toys"],
  ])("%s", (question, fact) => {
    expect(answer(question)).toContain(fact);
  });
});

describe("what the data does not hold still declines", () => {
  it.each([
    ["torch has 300 science parks, right?", "The factsheet doesn't give that figure"],
    [
      "Did the Torch Center log 2,400 business incubators in 2021? yes or no",
      "The factsheet doesn't give that figure",
    ],
    ["does the torch relay have a budget", "I have no data on “torch relay”"],
    ["when did the torch relay for the Beijing 2008 Olympics start?", "I have no data on"],
    ["torch song lyrics pls", "I answer questions about national cluster policies"],
  ])("%s", (question, text) => {
    expect(answer(question)).toContain(text);
  });

  it("a policy compared with no other still asks which: how does torch compare on budget?", () => {
    expect(answer("how does torch compare on budget?")).toContain(
      "Compare TORCH Program with which policy?",
    );
  });
});
