import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { FIELD_QUESTION_WORDS, type Catalog } from "../catalog.ts";
import { hasPhrase, readTokens, markNameUsed } from "./tokens.ts";
import { compareAll, readComparisonCues } from "./compare.ts";
import { resolveUnnamed } from "./unnamed.ts";
import { askedLeader, matchPolicies, choosePolicies } from "./policy-match.ts";
import {
  unknownCjkName,
  quotePhrase,
  nameLikeWords,
  typedForm,
  looksLikeName,
  leftoverContent,
  unknownProgrammeName,
} from "./unknown-words.ts";
import { readFields } from "./fields.ts";
import { EvidenceLog } from "./evidence.ts";
import { recordReadings } from "./record.ts";
import {
  bestPassage,
  contentRoots,
  itemPassage,
  questionShaped,
  partPassage,
  passageIntent,
  countedThing,
  economyStems,
  findPassage,
} from "./passages.ts";
import { matchCountries, countryIntent } from "./country.ts";
import {
  declineUnknownName,
  ASKABLE_FIELDS,
  listNames,
  policyNames,
  suggestionFor,
  knownPoliciesText,
  starterSuggestions,
} from "./replies.ts";

export function resolveClause(
  catalog: Catalog,
  question: string,
  log: EvidenceLog = new EvidenceLog(),
): Intent {
  const tokens = readTokens(catalog, question);
  for (const token of tokens) {
    if (token.stem !== token.typed) {
      log.add(`word ${token.stem}`, "typo", token.similarity, token.typed);
    }
  }
  if (tokens.length === 0) {
    return log.decide(
      {
        kind: "none",
        text: `Ask me about a cluster policy, e.g. “${starterSuggestions(catalog)[0] ?? "budget"}”.`,
        suggestions: starterSuggestions(catalog),
      },
      "nothing to read",
    );
  }

  const countries = matchCountries(catalog, tokens);
  if (countries.unknown.length > 0) {
    const have = catalog.countries.map((c) => c.name).join(", ");
    return log.decide(
      {
        kind: "none",
        text: `I have no data on ${countries.unknown.join(" or ")}; I only cover ${have}.`,
        suggestions: catalog.countries.slice(0, 3).map((c) => `${c.name} policies`),
      },
      "unknown country",
    );
  }

  let candidates = matchPolicies(catalog, tokens);
  // A word corrected to a name word that then names nothing ("song" → "hong", of Hong Kong)
  // was not that typo: it stays an unknown word.
  const acceptedIds = new Set(candidates.filter((c) => c.accepted).map((c) => c.ref.policy.id));
  const namesAccepted = (stem: string): boolean =>
    (catalog.postings.get(stem) ?? []).some(({ alias }) =>
      acceptedIds.has(catalog.aliases[alias]?.policyId ?? ""),
    );
  let uncorrected = false;
  tokens.forEach((token) => {
    if (token.similarity < 1 && !token.guessed && !token.used && !namesAccepted(token.stem)) {
      // "who fudns": a correction that is also a field word stays, as a guess at that word.
      if (catalog.fieldWordFields.has(token.stem)) {
        token.guessed = true;
        return;
      }
      token.stem = token.typed;
      token.similarity = 1;
      token.unknown = true;
      uncorrected = true;
    }
  });
  if (uncorrected) candidates = matchPolicies(catalog, tokens);
  const { chosen, ambiguous, weak: weakReadings } = choosePolicies(candidates);
  for (const candidate of chosen) markNameUsed(catalog, tokens, candidate.positions);
  let fields = readFields(catalog, tokens);
  // "who funds it": words read as field words are not also a guess at a name ("Venture Fund").
  const weak = weakReadings.filter((c) => [...c.positions].some((p) => !fields.consumed.has(p)));
  // A field word found only by correcting a typo or completing a prefix ("lunch" → "launch")
  // does not bring a question about nothing named into scope.
  const anchored =
    chosen.length > 0 || ambiguous.length > 0 || weak.length > 0 || countries.known.length > 0;
  if (!anchored && tokens.some((t) => t.guessed)) {
    for (const k of fields.consumed) {
      const token = tokens[k];
      if (token) token.used = false;
    }
    for (const token of tokens) {
      if (!token.guessed) continue;
      token.stem = token.typed;
      token.unknown = !catalog.knownStems.has(token.typed);
      token.guessed = false;
    }
    fields = readFields(catalog, tokens);
  }
  const cues = readComparisonCues(catalog, tokens);
  const { orderField, allCue, compareCue } = cues;
  recordReadings(log, tokens, { countries, candidates, chosen, ambiguous, fields, cues });
  // A country-level field firmly asked is not blocked by ordinary words: "what sources is
  // this based on" asks for the sources; only a name-like unknown word ("like Europe's
  // Horizon", "MIC") names something else. (A policy field keeps every unknown word as
  // evidence: "xiongan new area end year" names another plan.)
  const countryAsked =
    !fields.weakOnly &&
    fields.countryField !== null &&
    fields.countryScore >= fields.policyScore &&
    [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  const nameLike = nameLikeWords(question);
  const unknownWords = typedForm(
    catalog,
    question,
    quotePhrase(
      catalog,
      tokens,
      cues.positions,
      fields.consumed,
      (k) => !countryAsked || looksLikeName(catalog, tokens, k, nameLike),
    ),
  );
  const leftovers = leftoverContent(catalog, tokens, cues.positions);
  const howTo = hasPhrase(tokens, catalog.howToPhrases) !== null;
  const unknownProgramme = unknownProgrammeName(
    catalog,
    tokens,
    countries.positions,
    fields.consumed,
  );
  const mentionedCountry = countries.known.length === 1 ? (countries.known[0] ?? null) : null;
  const soleCountry = catalog.countries.length === 1 ? (catalog.countries[0]?.id ?? null) : null;
  const countryId = mentionedCountry ?? soleCountry;

  if (ambiguous.length > 0) {
    const field = fields.policyField;
    return log.decide(
      {
        kind: "clarify",
        text: `Which one do you mean: ${policyNames(ambiguous.map((c) => c.ref))}?`,
        suggestions: ambiguous.slice(0, 5).map((c) => suggestionFor(c.ref, field)),
      },
      "ambiguous names",
    );
  }

  const named = chosen.map((c) => c.ref);

  // "how do I get to Macao from Hong Kong", "how do I torch.save a model": an errand, not a
  // question about a fact, when no field is asked.
  const anyField = fields.policyScore > 0 || fields.countryScore > 0;
  if (howTo && !anyField && orderField === null) {
    return log.decide(
      {
        kind: "none",
        text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
        suggestions: starterSuggestions(catalog),
      },
      "errand, nothing asked",
    );
  }

  // "星火计划 start year": a Chinese name the data does not hold is declined by that name.
  const unknownCjk = unknownCjkName(catalog, tokens, named.length > 0);
  if (unknownCjk !== null) {
    return log.decide(
      declineUnknownName(catalog, unknownCjk, named, fields.policyField),
      "unknown Chinese name",
    );
  }

  // "863 program budget", "compare TORCH with the Belt and Road Initiative": a programme the
  // data does not hold is declined by its name, not answered or asked back as another.
  if (unknownProgramme !== null) {
    return log.decide(
      declineUnknownName(catalog, unknownProgramme, named, fields.policyField),
      "unknown programme name",
    );
  }
  if (named.length === 1 && compareCue && !allCue && unknownWords !== "") {
    const ref = named[0];
    return log.decide(
      {
        kind: "none",
        text: `I have no data on “${unknownWords}”, so I can't compare it with ${ref ? policyName(ref.policy) : "that policy"}.`,
        suggestions: ref
          ? ref.country.policies
              .filter((p) => p.id !== ref.policy.id)
              .slice(0, 3)
              .map((p) => `compare ${ref.policy.short_name} and ${p.short_name}`)
          : [],
      },
      "compare with an unknown name",
    );
  }

  // "how many incubators does TORCH have": a count the data does not give is said to be
  // missing, never answered with another field.
  const counted = countedThing(catalog, tokens, chosen);
  if (counted !== null && named.length === 1 && named[0]) {
    const ref = named[0];
    const passage = findPassage(catalog, ref, [counted.stem], true);
    if (passage !== null) {
      return log.decide(passageIntent(ref, passage), "count found in a passage");
    }
    const field = fields.policyField;
    return log.decide(
      {
        kind: "none",
        text: `The factsheet doesn't state the number of ${counted.phrase} for ${policyName(ref.policy)}.${
          field !== null ? ` I can tell you its ${FIELD_QUESTION_WORDS[field]}.` : ""
        }`,
        suggestions: [suggestionFor(ref, field ?? "summary")],
      },
      "count the data does not give",
    );
  }

  // "which university leads the GBA": the data lists kinds of beneficiaries, not who leads.
  const leader = askedLeader(tokens, fields);
  if (leader !== null) {
    const ref = named[0];
    const subject = ref ? ` ${policyName(ref.policy)}` : " these policies";
    return log.decide(
      {
        kind: "none",
        text: `I have no data on which ${leader.noun} ${leader.verb}${subject}. I can tell you ${
          ref ? "its" : "their"
        } authorities or beneficiaries.`,
        suggestions: ref
          ? [suggestionFor(ref, "authorities"), suggestionFor(ref, "beneficiaries")]
          : [],
      },
      "leader the data does not name",
    );
  }

  // A weak field word ("big", "total") does not carry a question about other things
  // ("how big is the GBA economy"): those things decide.
  const weakDropped = fields.weakOnly && leftovers.length > 0;
  if (weakDropped) {
    fields = { ...fields, policyField: null, countryField: null, policyScore: 0, countryScore: 0 };
  }
  const wrongCountry = mentionedCountry
    ? named.find((ref) => ref.country.id !== mentionedCountry)
    : undefined;
  if (wrongCountry && mentionedCountry) {
    const asked = catalog.countryById.get(mentionedCountry)?.name ?? mentionedCountry;
    return log.decide(
      {
        kind: "none",
        text: `${wrongCountry.policy.short_name} is a policy of ${wrongCountry.country.name}, not of ${asked}.`,
        suggestions: [suggestionFor(wrongCountry, fields.policyField)],
      },
      "policy of another country",
    );
  }

  const impliedField: PolicyField | null = fields.policyField ?? orderField;

  // "how much of China's economy is the GBA": a size of the economy, not a budget. With a
  // money word or nothing else asked, the policy's own sentence about its economy answers.
  const economy = economyStems(tokens);
  if (
    economy.length > 0 &&
    named.length === 1 &&
    named[0] &&
    (fields.policyField === "budget" || fields.policyField === null) &&
    fields.countryScore <= fields.policyScore
  ) {
    const ref = named[0];
    const passage = findPassage(catalog, ref, economy, false);
    if (passage !== null && passage.field !== "budget") {
      return log.decide(passageIntent(ref, passage), "economy passage");
    }
  }

  // A name with words the data does not know and nothing asked of it ("torch battery life",
  // "gba population"): not answered with the policy's card, asked back.
  // A field word completed from a prefix ("lit" → literature) asks nothing on its own.
  const firmField = [...fields.consumed].some(
    (k) => tokens[k]?.guessed === false || (tokens[k]?.similarity ?? 1) < 1,
  );
  const askedSomething =
    ((fields.policyScore > 0 || fields.countryScore > 0) &&
      (firmField || questionShaped(question))) ||
    compareCue ||
    orderField !== null;
  // Passage evidence: a policy named with no field firmly asked ("does the GBA plan finance
  // networking events?", "the role of local governments in City Clusters") is answered from
  // the sentence or list item of its own texts that holds the question's content words.
  // Field words that tie ("finance": budget or instruments) leave the choice to the passage.
  const fieldRead = fields.policyField !== null || fields.countryField !== null;
  const firmlyAsked =
    (askedSomething && !fields.weakOnly && fieldRead) || compareCue || orderField !== null;
  if (named.length === 1 && named[0] && !firmlyAsked && questionShaped(question)) {
    const ref = named[0];
    const skip = new Set([...cues.positions, ...countries.positions]);
    for (const c of chosen) for (const p of c.positions) skip.add(p);
    const passage = bestPassage(catalog, ref, contentRoots(catalog, tokens, skip));
    if (passage !== null) {
      log.add(`passage in ${passage.field}`, "passage", passage.matched, passage.text);
      return log.decide(
        passageIntent(ref, passage.item ? itemPassage(ref, passage, question) : passage),
        "content words found in a passage",
      );
    }
  }
  const unaskedWords =
    unknownWords !== "" || !weakDropped ? unknownWords : leftovers.map((t) => t.raw).join(" ");
  // "we joked about city clusters during lunch": a name among everyday words, nothing asked,
  // is chat about the day, not a question (and its words are not quoted back as names).
  const unknownTokens = tokens.filter((t) => t.unknown && !t.used && !t.cjk);
  if (
    named.length >= 1 &&
    !askedSomething &&
    unknownTokens.length > 0 &&
    unknownTokens.every((t) => t.everyday)
  ) {
    return log.decide(
      {
        kind: "none",
        text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
        suggestions: named
          .slice(0, 1)
          .flatMap((ref) => ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(ref, f))),
      },
      "everyday words only",
    );
  }
  if (named.length >= 1 && unaskedWords !== "" && !askedSomething) {
    const first = named[0];
    // "best torch for camping": one common word that is also a name, among other things, is
    // chatter about something else.
    const oneWordNames = chosen.every((c) => [...c.positions].filter((p) => p >= 0).length === 1);
    if (oneWordNames) {
      return log.decide(
        {
          kind: "none",
          text: `I have no data on “${unaskedWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
          suggestions: first ? ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(first, f)) : [],
        },
        "unknown words, one-word name",
      );
    }
    return log.decide(
      {
        kind: "clarify",
        text: `I have no data on “${unaskedWords}”. Did you mean ${policyNames(named, "and")}? I can tell you ${
          named.length === 1 ? "its" : "their"
        } ${listNames(
          ASKABLE_FIELDS.map((f) => FIELD_QUESTION_WORDS[f]),
          "and",
        )}.`,
        suggestions: first ? ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(first, f)) : [],
      },
      "unknown words beside a name",
    );
  }

  if (named.length >= 2) {
    const first = named[0];
    return log.decide(
      {
        kind: "compare",
        country: first?.country.id ?? "",
        policies: named.map((ref) => ref.policy.id).sort(),
        field: impliedField,
      },
      "two or more names",
    );
  }

  if (named.length === 1 && named[0]) {
    const ref = named[0];
    if ((compareCue || orderField !== null) && allCue) {
      const all = compareAll(
        ref.country.id,
        ref.country.policies.map((p) => p.id),
        impliedField,
      );
      if (all) return log.decide(all, "compare all policies");
    }
    if (compareCue && fields.countryField === null) {
      const others = ref.country.policies.filter((p) => p.id !== ref.policy.id).slice(0, 5);
      return log.decide(
        {
          kind: "clarify",
          text: `Compare ${ref.policy.short_name} with which policy?`,
          suggestions: others.map(
            (p) =>
              `compare ${ref.policy.short_name} and ${p.short_name}${
                impliedField ? ` ${FIELD_QUESTION_WORDS[impliedField]}` : ""
              }`,
          ),
        },
        "compare with which",
      );
    }
    if (countryAsked && fields.countryField !== null && fields.countryScore > fields.policyScore) {
      if (fields.countryField === "sources") {
        return log.decide(
          {
            kind: "country",
            country: ref.country.id,
            field: "sources",
            policy: ref.policy.id,
          },
          "country field beside a policy",
        );
      }
      if (fields.countryField !== "policies") {
        return log.decide(
          countryIntent(catalog, ref.country.id, fields.countryField, tokens, fields.topicListed),
          "country field",
        );
      }
    }
    const field = fields.policyField;
    // "venture guiding fund budget": a name that is a part of the policy (one of its funds)
    // leads the answer with what the field's own text says about that part.
    const part = field === null ? null : partPassage(catalog, ref, chosen[0], field);
    return log.decide(
      {
        kind: "policy",
        country: ref.country.id,
        policy: ref.policy.id,
        field,
        ...(part ? { passage: part } : {}),
      },
      "policy field",
    );
  }

  return log.decide(
    resolveUnnamed(catalog, {
      tokens,
      fields,
      knownCountries: countries.known,
      countryId,
      cues,
      unknownWords,
      weak,
    }),
    "field across policies (no name)",
  );
}
