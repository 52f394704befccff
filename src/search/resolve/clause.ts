import { ASKING_WORDS, ROLE_WORDS } from "../vocabulary.ts";
import { saidPhrase } from "./yes-no.ts";
import { listItemReading, seriesHolds, type ListItemReading } from "./list-items.ts";
import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { FIELD_QUESTION_WORDS, type Catalog } from "../catalog.ts";
import { tokenize } from "../../model/normalize.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import { CJK_COUNT_WORDS, CJK_WHEN_WORDS, CJK_WHERE_WORDS } from "../vocabulary.ts";
import { hasPhrase, isYear, readTokens, markNameUsed, type QuestionToken } from "./tokens.ts";
import { askedAmong, readComparisonCues, withoutContext, type ComparisonCues } from "./compare.ts";
import { resolveUnnamed } from "./unnamed.ts";
import { askedLeader, matchPolicies, choosePolicies, negatedNames } from "./policy-match.ts";
import {
  unknownCjkName,
  quotePhrase,
  nameLikeWords,
  typedForm,
  looksLikeName,
  leftoverContent,
  unknownProgrammeName,
  quotedCjkName,
} from "./unknown-words.ts";
import { readFields, type FieldReading } from "./fields.ts";
import { DECISION, decideComparison, decideForPolicies, decideForPolicy } from "./decide.ts";
import { EvidenceLog } from "./evidence.ts";
import { inFocus, purposePositions, STANCE } from "./focus.ts";
import { recordReadings } from "./record.ts";
import {
  bestPassage,
  contentRoots,
  questionShaped,
  rootOf,
  type ScoredPassage,
  partPassage,
  passageIntent,
  countedThing,
  economyStems,
  findPassage,
  rootHolders,
} from "./passages.ts";
import { matchCountries } from "./country.ts";
import { placeCountryText, type CountryTextReading } from "./country-texts.ts";
import {
  decline,
  declineUnknownName,
  declineWith,
  knownPoliciesText,
  outOfScope,
  policyNames,
  suggestionFor,
  starterSuggestions,
} from "./replies.ts";

/** What the readers found in one clause, for the decision. */
export interface ClauseEvidence {
  question: string;
  tokens: QuestionToken[];
  fields: FieldReading;
  cues: ComparisonCues;
  /** A field word typed in full (not only completed from a prefix). */
  firmField: boolean;
  /** A country field asked by a word typed in full, at least as strongly as a policy field. */
  countryAsked: boolean;
  /** The sentence or list item of the policy's texts holding most of the content words. */
  passage: ScoredPassage | null;
  /** An item of the series' fixed lists the question names, listed by the policy or not. */
  listItem: ListItemReading | null;
  /** Words no reader placed: not a name, field, cue, country, ordinary word or passage word. */
  unplaced: QuestionToken[];
  /** How many of them are what the question asks for (see inFocus). */
  focused: number;
  /** The question asks (a wh-word, an opening auxiliary, a request) where it is no question shape. */
  asking: boolean;
  /** The unknown words as a quote ("" when none). */
  unknownWords: string;
  /** Only everyday words around the name, and no question: chat about the day. */
  chatter: boolean;
  /** The field's sentence about a part of the policy the name named ("Venture Guiding Fund"). */
  part: { text: string; section: string; about: string } | null;
  /** The country text the content words clearly point to, over the policy's own texts. */
  countryText: CountryTextReading | null;
}

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
    const example = starterSuggestions(catalog)[0] ?? "budget";
    const ask = declineWith(catalog, `Ask me about a cluster policy, e.g. “${example}”.`);
    return log.decide(ask, "nothing to read");
  }

  const countries = matchCountries(catalog, tokens);
  if (countries.unknown.length > 0) {
    const have = catalog.countries.map((c) => c.name).join(", ");
    const offered = catalog.countries.slice(0, 3).map((c) => `${c.name} policies`);
    return log.rulesOut(
      decline(
        `I have no data on ${countries.unknown.join(" or ")}; I only cover ${have}.`,
        offered,
      ),
      "unknown country",
      countries.unknown.join(", "),
      "country",
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
    // A generic noun of names ("polcy" → policy) names no policy of its own: the correction stands.
    const nameTypo =
      catalog.nameTargets.has(token.stem) &&
      !token.guessed &&
      !catalog.genericStems.has(token.stem);
    if (token.similarity < 1 && nameTypo && !token.used && !namesAccepted(token.stem)) {
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
  const { chosen: allNamed, ambiguous, weak: weakReadings } = choosePolicies(candidates);
  for (const candidate of allNamed) markNameUsed(catalog, tokens, candidate.positions);
  // "not the GBA one": a name said not to be asked about is context, not the subject.
  const negated = negatedNames(tokens, allNamed);
  const namedAll = allNamed.filter((c) => !negated.includes(c));
  let fields = readFields(catalog, tokens, namedAll.length > 0);
  // "who funds it": words read as field words are not also a guess at a name ("Venture Fund").
  const weak = weakReadings.filter((c) => [...c.positions].some((p) => !fields.consumed.has(p)));
  // A field word found only by correcting a typo or completing a prefix ("lunch" → "launch")
  // does not bring a question about nothing named into scope (nor a place of a name: "dim sum
  // recs in Hong Kong").
  // "which of the policies has the biggest budjet": a question about our policies, named by
  // their common noun, is in scope too.
  const anchored =
    allNamed.length > 0 ||
    ambiguous.length > 0 ||
    countries.known.length > 0 ||
    tokens.some((t) => catalog.nameNounStems.has(t.stem));
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
    fields = readFields(catalog, tokens, namedAll.length > 0);
  }
  const cues = readComparisonCues(catalog, tokens);
  const { orderField, compareCue } = cues;
  // "is the GBA plan part of City Clusters?": a name that is only the context of the one
  // asked about is not compared with it.
  const asked = askedAmong(tokens, cues, namedAll);
  const chosen = asked === null ? namedAll : [asked];
  const rest = asked === null ? null : withoutContext(question, tokens, namedAll, asked);
  if (rest !== null) {
    log.add("a sentence naming only the context", "cue", 1, "");
    return resolveClause(catalog, rest, log);
  }
  for (const c of namedAll) {
    if (c !== asked && asked !== null) {
      log.add(`policy ${c.ref.policy.id} as context`, "cue", 1, c.ref.policy.short_name);
    }
  }
  recordReadings(log, tokens, { countries, candidates, chosen, ambiguous, fields, cues });
  const mentionedCountry = countries.known.length === 1 ? (countries.known[0] ?? null) : null;
  const soleCountry = catalog.countries.length === 1 ? (catalog.countries[0]?.id ?? null) : null;
  const countryId = mentionedCountry ?? soleCountry;
  const names = new Set(countries.positions);
  for (const c of [...chosen, ...weak]) for (const p of c.positions) names.add(p);
  const countryText =
    countryId === null
      ? null
      : placeCountryText(catalog, countryId, {
          tokens,
          question,
          names,
          fieldWords: fields.consumed,
          field: fields.countryField,
          countryNamed: countries.known.length > 0,
          policies: [...chosen, ...weak].map((c) => c.ref.policy.id),
        });
  if (countryText) {
    const span = countryText.matched.join(" ");
    log.add(`country text ${countryText.field}`, "passage", countryText.weight, span);
  }
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
    nameLike,
  );

  // "Macao's own cluster policy? not the GBA one": the only name is what is not asked about,
  // and what is asked (unless the country's list of policies) is nothing the data holds.
  const otherThanNamed = decline(
    `The factsheet has no data on that: you asked about something other than ${policyNames(
      negated.map((c) => c.ref),
    )}, and it covers only ${knownPoliciesText(catalog)}.`,
    starterSuggestions(catalog),
  );
  if (negated.length > 0 && namedAll.length === 0 && !countryAsked) {
    return log.decide(otherThanNamed, "the only name said not to be asked about");
  }

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
  const [ref] = named;

  // "how do I get to Macao from Hong Kong", "how do I torch.save a model": an errand, not a
  // question about a fact, when no field is asked.
  const anyField = fields.policyScore > 0 || fields.countryScore > 0;
  if (howTo && !anyField && orderField === null) {
    return log.decide(outOfScope(catalog), "errand, nothing asked");
  }

  // "星火计划 start year": a Chinese name the data does not hold is declined by that name.
  // A country field firmly asked ("这份资料的参考文献") is not blocked by ordinary words either.
  const unknownCjk =
    quotedCjkName(catalog, question) ??
    unknownCjkName(catalog, tokens, named.length > 0 || countryAsked);
  if (unknownCjk !== null) {
    return log.decide(
      declineUnknownName(catalog, unknownCjk, named, fields.policyField),
      "unknown Chinese name",
    );
  }

  // "863 program budget", "compare TORCH with the Belt and Road Initiative": a programme the
  // data does not hold is declined by its name, not answered or asked back as another.
  // "demonstration projects" that the named policy's own texts hold are not another programme.
  const programme = tokenize(unknownProgramme ?? "").map((t) => rootOf(t.stem));
  // Nor are words of the series' fixed lists ("collaboration initiatives", "networking events"),
  // listed by the named policy or not.
  const inOwnTexts =
    unknownProgramme !== null &&
    ref !== undefined &&
    (bestPassage(catalog, ref, programme)?.matched === programme.length ||
      seriesHolds(catalog, programme));
  // "Greater Bay Area Development Plan": the named policy's own name in another order, or
  // its full title's words, is no other programme ("olympic torch" still has a word of its own).
  const ownNameWords =
    unknownProgramme !== null &&
    ref !== undefined &&
    tokenize(unknownProgramme).every(({ stem }) =>
      (catalog.postings.get(stem) ?? []).some(
        ({ alias }) => catalog.aliases[alias]?.policyId === ref.policy.id,
      ),
    );
  if (unknownProgramme !== null && !inOwnTexts && !ownNameWords) {
    return log.rulesOut(
      declineUnknownName(catalog, unknownProgramme, named, fields.policyField),
      "unknown programme name",
      unknownProgramme,
      "programme",
    );
  }
  // "how does torch compare with silicon valley", "torch vs Horizon Europe", "torch vs xiongan":
  // what it is compared with is a name the data lacks. Ordinary words ("in this respect", "those
  // arrangements", "a date we should be modelling against") only say how: they do not veto.
  // A number the data dates nothing by names something too ("made in china 2025").
  // A word of the named policy's own texts ("hukou … the richest cities vs the smaller ones")
  // compares parts of what it says, not it with another name.
  const ownWord = (t: QuestionToken): boolean =>
    ref !== undefined &&
    rootHolders(catalog, ref.country.id).get(rootOf(t.stem))?.has(ref.policy.id) === true;
  const comparedWithName = tokens.some(
    (t, k) =>
      !t.used &&
      !t.cjk &&
      !cues.positions.has(k) &&
      !ownWord(t) &&
      ((/^\d+$/u.test(t.stem) && !catalog.dataYears.has(Number(t.stem))) ||
        (t.unknown &&
          (looksLikeName(catalog, tokens, k, nameLike) ||
            (!t.everyday && /^\p{L}{3,}$/u.test(t.typed) && !isEnglishWord(t.typed))))),
  );
  if (named.length === 1 && ref && compareCue && unknownWords !== "" && comparedWithName) {
    const others = ref.country.policies.filter((p) => p.id !== ref.policy.id).slice(0, 3);
    return log.rulesOut(
      decline(
        `I have no data on “${unknownWords}”, so I can't compare it with ${policyName(ref.policy)}.`,
        others.map((p) => `compare ${ref.policy.short_name} and ${p.short_name}`),
      ),
      "compare with an unknown name",
      unknownWords,
      "name",
    );
  }

  // "how many incubators does TORCH have": a count the data does not give is said to be
  // missing, never answered with another field.
  const counted = countedThing(catalog, tokens, chosen, question);
  if (counted !== null && named.length === 1 && ref) {
    const passage = findPassage(catalog, ref, counted.stems, true);
    if (passage !== null) {
      return log.decide(passageIntent(ref, passage), "count found in a passage");
    }
    const field = fields.policyField;
    const offer = field !== null ? ` I can tell you its ${FIELD_QUESTION_WORDS[field]}.` : "";
    return log.decide(
      decline(
        `The factsheet doesn't state the number of ${counted.phrase} for ${policyName(ref.policy)}.${offer}`,
        [suggestionFor(ref, field ?? "summary")],
      ),
      "count the data does not give",
    );
  }

  // "which university leads the GBA": the data lists kinds of beneficiaries, not who leads.
  const leader = askedLeader(tokens, fields);
  if (leader !== null) {
    const subject = ref ? ` ${policyName(ref.policy)}` : " these policies";
    const offered = ref
      ? [suggestionFor(ref, "authorities"), suggestionFor(ref, "beneficiaries")]
      : [];
    const whose = ref ? "its" : "their";
    return log.decide(
      decline(
        `I have no data on which ${leader.noun} ${leader.verb}${subject}. I can tell you ${whose} authorities or beneficiaries.`,
        offered,
      ),
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
      decline(
        `${wrongCountry.policy.short_name} is a policy of ${wrongCountry.country.name}, not of ${asked}.`,
        [suggestionFor(wrongCountry, fields.policyField)],
      ),
      "policy of another country",
    );
  }

  // "how much of China's economy is the GBA": a size of the economy, not a budget. With a
  // money word or nothing else asked, the policy's own sentence about its economy answers.
  const economy = economyStems(tokens);
  if (
    economy.length > 0 &&
    named.length === 1 &&
    ref &&
    (fields.policyField === "budget" || fields.policyField === null) &&
    fields.countryScore <= fields.policyScore
  ) {
    const passage = findPassage(catalog, ref, economy, false);
    // "GDP in 2023": a figure of another year than the passage's is not in the data.
    const years = tokens.filter((t) => isYear(t.stem)).map((t) => t.stem);
    // "GDP growth this year", "今年…GDP增长": a change, or a figure of now, is not the
    // passage's figure of one year; it is declined with what the passage does say.
    const beyond = saidPhrase(catalog, question, [
      ...ASKING_WORDS.changes,
      ...ASKING_WORDS.present,
    ]);
    if (passage !== null && passage.field !== "budget" && beyond !== null) {
      return log.decide(
        decline(
          `The factsheet gives no “${beyond}” figure for ${policyName(ref.policy)}; it says: “${passage.text}”`,
          [suggestionFor(ref, "summary")],
        ),
        "economy asked beyond the passage's year",
      );
    }
    if (
      passage !== null &&
      passage.field !== "budget" &&
      years.every((y) => passage.text.includes(y))
    ) {
      return log.decide(passageIntent(ref, passage), "economy passage");
    }
  }

  if (named.length >= 1) {
    const skip = new Set([...cues.positions, ...countries.positions]);
    for (const c of chosen) for (const p of c.positions) skip.add(p);
    // An economy the policy's texts do not size is not found by its near words ("economic").
    tokens.forEach((t, k) => {
      if (economyStems([t]).length > 0) skip.add(k);
    });
    // Ordinary words of questions ("the deal with", "the … thing") neither pick a passage nor
    // count against one; a number the texts use does ("why 19?"), a year is a date asked.
    const asked = new Set([...fields.consumed, ...chosen.flatMap((c) => [...c.positions])]);
    const purpose = purposePositions(tokens, asked);
    // The policy's own name ("torch" beside "innofund", a part's name) is no content asked about.
    const ownName = new Set(
      ref ? tokenize(`${ref.policy.name} ${ref.policy.short_name}`).map((t) => t.stem) : [],
    );
    // "does city clusters cover electronics? we build IoT devices": a sentence in which the
    // asker speaks of themself, beside one that asks, is their story, not what the passage
    // must hold (its words still count against the answer in the decision, off focus).
    const story = storySentences(tokens);
    tokens.forEach((t, k) => {
      if (isYear(t.stem) || purpose.has(k) || ownName.has(t.stem) || story.has(t.sentence)) {
        skip.add(k);
      }
    });
    const roots = contentRoots(catalog, tokens, skip, true);
    const ordinary = new Set(
      tokens.filter((t) => catalog.commonStems.has(t.stem)).map((t) => rootOf(t.typed)),
    );
    // A remark that mentions a policy ("the torch was passed to a new generation") asks nothing
    // of its texts.
    const passage =
      ref && questionShaped(question) ? bestPassage(catalog, ref, roots, ordinary) : null;
    const placed = new Set(passage?.roots ?? []);
    const anyItem =
      ref && questionShaped(question)
        ? listItemReading(catalog, ref, tokens, new Set(chosen.flatMap((c) => [...c.positions])))
        : null;
    // "what does TORCH give start-ups?": a kind of beneficiary named as the receiver is no
    // question of whether it is listed.
    const listItem =
      anyItem?.field === ROLE_WORDS.provision.recipient_field && fields.recipientsYield === true
        ? null
        : anyItem;

    // A field word completed from a prefix ("lit" → literature) asks nothing on its own.
    const firmField = [...fields.consumed].some(
      (k) => tokens[k]?.guessed === false || (tokens[k]?.similarity ?? 1) < 1,
    );
    const unplaced = [
      ...new Set([
        ...tokens.filter(
          (t, k) => t.unknown && !t.used && !t.cjk && t.raw.length > 2 && !cues.positions.has(k),
        ),
        ...leftovers,
        // A hedge in a remark ("I haven't even finished…") is chat, not a way of asking.
        ...(questionShaped(question) || inFocus(tokens, [], asked).asking
          ? []
          : tokens.filter((t) => t.filler === true && !t.used)),
      ]),
    ].filter(
      (t) => !placed.has(rootOf(t.typed)) && !catalog.postings.has(t.stem) && !STANCE.has(t.stem),
    );
    const evidence: ClauseEvidence = {
      question,
      tokens,
      fields,
      cues,
      firmField,
      countryAsked,
      passage,
      listItem,
      unplaced,
      ...inFocus(tokens, unplaced, asked),
      unknownWords,
      chatter:
        unplaced.every((t) => catalog.everydayStems.has(t.stem)) && !questionShaped(question),
      part:
        ref && fields.policyField !== null
          ? partPassage(catalog, ref, chosen[0], fields.policyField)
          : null,
      countryText,
    };
    if (passage) log.add(`passage in ${passage.field}`, "passage", passage.matched, passage.text);
    if (listItem) log.add(`item of ${listItem.field}`, "passage", listItem.matched, listItem.item);
    for (const t of unplaced)
      log.add("unplaced word", "unknown word", -DECISION.UNPLACED_WORD, t.raw);
    const reading =
      named.length >= 2
        ? decideForPolicies(catalog, evidence, named)
        : ref
          ? (decideComparison(catalog, evidence, ref) ?? decideForPolicy(catalog, evidence, ref))
          : null;
    if (reading && ref && isCard(reading.intent) && asksPlaceOrTime(tokens)) {
      // "大灣區邊度啲茶餐廳最抵食？", "廣深港高鐵幾時通車？": where, when or how many asked, no field read,
      // with Chinese words of their own beside our name, asks about that thing (a restaurant, a
      // railway), which no card of a policy answers.
      const other = unknownCjkName(catalog, tokens, false);
      if (other !== null) {
        return log.decide(
          declineUnknownName(catalog, other, named, null),
          "Chinese words of their own beside a name",
        );
      }
    }
    if (reading) return log.decide(reading.intent, `${reading.why} (${reading.score.toFixed(2)})`);
  }

  const unnamed = resolveUnnamed(catalog, {
    question,
    tokens,
    fields,
    countryAsked,
    knownCountries: countries.known,
    countryId,
    cues,
    unknownWords,
    weak,
    countryText,
  });
  // "不是大湾区那个，深圳自己有没有…": a place of the policy said not to be asked about is not it.
  const said = unnamed.intent.kind === "policy" ? unnamed.intent.policy : null;
  if (negated.some((c) => c.ref.policy.id === said)) {
    return log.decide(otherThanNamed, "a policy said not to be asked about");
  }
  const why = `${unnamed.why} (${unnamed.score.toFixed(2)})`;
  return unnamed.ruledOutBy === undefined
    ? log.decide(unnamed.intent, why)
    : log.rulesOut(unnamed.intent, why, unnamed.ruledOutBy, "name");
}

const ASKER = new Set(ASKING_WORDS.asker);

/** The sentences, not asked, in which the asker speaks of themself, when another one asks. */
function storySentences(tokens: readonly QuestionToken[]): Set<number> {
  const story = new Set<number>();
  if (!tokens.some((t) => t.questioned)) return story;
  for (const t of tokens) if (!t.questioned && ASKER.has(t.raw)) story.add(t.sentence);
  return story;
}

/** The policy's card: its name answered with no field and no passage. */
function isCard(intent: Intent): boolean {
  return intent.kind === "policy" && intent.field === null && intent.passage === undefined;
}

/** Chinese words asking where, when or how many, which a policy's card does not answer. */
const CARD_UNANSWERED = [...CJK_WHERE_WORDS, ...CJK_WHEN_WORDS, ...CJK_COUNT_WORDS];

/** A Chinese run of the question asks where, when or how many (chinese.json, glosses.json). */
function asksPlaceOrTime(tokens: readonly QuestionToken[]): boolean {
  return tokens.some((t) => t.cjk && CARD_UNANSWERED.some((w) => t.raw.includes(w)));
}
