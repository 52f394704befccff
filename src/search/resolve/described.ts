import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import type { Catalog, PolicyRef } from "../catalog.ts";
import { CJK_GENERIC_WORDS } from "../vocabulary.ts";
import { DECISION, type Reading } from "./decide.ts";
import type { FieldReading } from "./fields.ts";
import { contentRoots, questionShaped, rootOf } from "./passages.ts";
import { policyNames, suggestionFor } from "./replies.ts";
import type { QuestionToken } from "./tokens.ts";

/** Per catalog and country: each root of its policies' texts → the policies holding it. */
const holders = new WeakMap<Catalog, Map<string, Map<string, Set<string>>>>();

/** Built on first use (most questions name their policy), then kept. */
function rootHolders(catalog: Catalog, countryId: string): Map<string, Set<string>> {
  const byCountry = holders.get(catalog) ?? new Map<string, Map<string, Set<string>>>();
  holders.set(catalog, byCountry);
  const built = byCountry.get(countryId);
  if (built) return built;
  const index = new Map<string, Set<string>>();
  for (const policy of catalog.countryById.get(countryId)?.policies ?? []) {
    for (const entry of catalog.policySentences(policy.id)) {
      for (const stem of entry.stems)
        index.set(rootOf(stem), (index.get(rootOf(stem)) ?? new Set()).add(policy.id));
    }
  }
  byCountry.set(countryId, index);
  return index;
}

/**
 * A winner's evidence must reach this many times the weight of an ordinary word only it holds:
 * more than one such word (a chance word, "class" of "world-class", is not a description), or
 * one name or number.
 */
const MIN_DESCRIBED = 1.4;
/** The runner-up must score at most this share of the winner, else both are offered. */
const RUNNER_UP_SHARE = 0.5;

/**
 * "which policy is the one about hukou reform?", "the plan with the 19 mega-regions": a question
 * naming no policy but describing one by what its texts say. Each content word weighs by its
 * rarity across the country's policies (a word all of them hold — cluster, innovation — weighs
 * nothing), twice when it is a number or would otherwise be an unknown name; a policy is read as described when
 * it holds every such name and its words clearly outweigh the runner-up's.
 */
export function describedPolicy(
  catalog: Catalog,
  countryId: string,
  reading: { question: string; tokens: QuestionToken[]; fields: FieldReading },
  skip: ReadonlySet<number>,
  names: readonly QuestionToken[],
): Reading | null {
  const { question, tokens, fields } = reading;
  const refersToPolicy = tokens.some(
    (t) =>
      catalog.nameNounStems.has(t.stem) ||
      (t.cjk && CJK_GENERIC_WORDS.some((word) => t.raw.includes(word))),
  );
  if (!refersToPolicy || !questionShaped(question)) return null;
  const index = rootHolders(catalog, countryId);
  const total = catalog.countryById.get(countryId)?.policies.length ?? 0;
  const nameRoots = new Set(names.map((t) => rootOf(t.typed)));
  // "mega-regions", "high-tech": a hyphenated modifier is read with its head.
  const lower = question.toLowerCase();
  const modifier = (k: number): boolean =>
    lower.includes(`${tokens[k]?.raw.toLowerCase()}-${tokens[k + 1]?.raw.toLowerCase()}`) &&
    index.has(rootOf(tokens[k + 1]?.typed ?? ""));
  const modifiers = new Set(tokens.flatMap((t, k) => (modifier(k) ? [rootOf(t.typed)] : [])));
  const weights = new Map<string, number>();
  let missing = 0;
  for (const root of contentRoots(catalog, tokens, skip, true)) {
    const held = index.get(root)?.size ?? 0;
    const specific = nameRoots.has(root) || /^\d+$/u.test(root);
    if (held > 0) weights.set(root, Math.log(total / held) * (specific ? 2 : 1));
    else if (modifiers.has(root)) continue;
    // A name no text holds stays unknown; an everyday word ("weather") is another subject.
    else if (nameRoots.has(root) || catalog.everydayStems.has(root)) return null;
    else missing += 1;
  }
  // "the beijing-tianjin-hebei region plan": words set before a name noun name a plan of their own.
  const describing = (t?: QuestionToken): boolean =>
    t !== undefined && !t.cjk && ((weights.get(rootOf(t.typed)) ?? 0) > 0 || t.unknown);
  if (tokens.some((t, k) => catalog.nameNounStems.has(t.stem) && describing(tokens[k - 1]))) {
    return null;
  }
  const scores = new Map<string, number>();
  for (const [root, weight] of weights) {
    for (const id of index.get(root) ?? []) scores.set(id, (scores.get(id) ?? 0) + weight);
  }
  const holdsNames = (id: string): boolean =>
    [...nameRoots].every((root) => !weights.has(root) || index.get(root)?.has(id) === true);
  const ranked = [...scores]
    .filter(([id]) => holdsNames(id))
    .sort((a, b) => b[1] - a[1])
    .flatMap(([id, score]) => {
      const ref = catalog.policies.get(id);
      return ref ? [{ ref, score }] : [];
    });
  const [best, second] = ranked;
  if (!best || best.score === 0 || best.score < MIN_DESCRIBED * Math.log(total)) return null;
  const matched = [...weights.keys()].filter((root) => index.get(root)?.has(best.ref.policy.id));
  // The words no text holds must not outnumber those the winner holds.
  if (missing > matched.length) return null;
  const field = fields.policyField;
  if (second && second.score > best.score * RUNNER_UP_SHARE) {
    const close = ranked.filter((r) => r.score > best.score * RUNNER_UP_SHARE).slice(0, 5);
    return {
      intent: {
        kind: "clarify",
        text: `Which policy do you mean? The texts of ${policyNames(
          close.map((r) => r.ref),
          "and",
        )} all mention that.`,
        suggestions: close.map((r) => suggestionFor(r.ref, field)),
      },
      score: DECISION.FIELD_WORD,
      why: "described by texts of several policies",
    };
  }
  return {
    intent: describedIntent(catalog, best.ref, weights, reading),
    score: DECISION.FIELD_WORD,
    why: `described by its texts (${best.score.toFixed(2)} against ${(second?.score ?? 0).toFixed(2)})`,
  };
}

const CJK_WHICH = ["哪个", "哪些", "哪一个", "哪项", "哪部"];

/**
 * The described policy, quoting its sentence that holds most of the question's weight: under a
 * field firmly asked, under the summary when the question asks which policy or what it is,
 * else under the field the sentence belongs to.
 */
function describedIntent(
  catalog: Catalog,
  ref: PolicyRef,
  weights: ReadonlyMap<string, number>,
  reading: { question: string; tokens: QuestionToken[]; fields: FieldReading },
): Intent {
  const { question, tokens, fields } = reading;
  let best = {
    weight: 0,
    text: "",
    section: "",
    field: fields.policyField ?? "summary",
    item: true,
  };
  for (const entry of catalog.policySentences(ref.policy.id)) {
    const roots = new Set([...entry.stems].map(rootOf));
    let weight = 0;
    for (const [root, w] of weights) if (roots.has(root)) weight += w;
    // A sentence says it better than a label or list item holding the same words.
    const better =
      weight > best.weight ||
      (weight === best.weight && weight > 0 && best.item && entry.item !== true);
    if (better)
      best = {
        weight,
        text: entry.sentence,
        section: entry.section,
        field: entry.field,
        item: entry.item === true,
      };
  }
  const identity =
    tokens.some((t) => t.stem === "which" || (t.cjk && CJK_WHICH.some((w) => t.raw.includes(w)))) ||
    /\bwhat(?:'s|\s+is|\s+was)\s+(?:it|this|that)\b/iu.test(question);
  const firm = !fields.weakOnly && [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  const field = identity
    ? "summary"
    : firm && fields.policyField !== null
      ? fields.policyField
      : best.field;
  return {
    kind: "policy",
    country: ref.country.id,
    policy: ref.policy.id,
    field,
    passage: { text: `${policyName(ref.policy, true)}: “${best.text}”`, section: best.section },
  };
}
