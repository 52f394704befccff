import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import type { Catalog, PolicyRef } from "../catalog.ts";
import { CJK_GENERIC_WORDS, CJK_WHICH_WORDS } from "../vocabulary.ts";
import { DECISION, type Reading } from "./decide.ts";
import type { FieldReading } from "./fields.ts";
import { contentRoots, questionShaped, rootHolders, rootOf, rootsOfStems } from "./passages.ts";
import { policyNames, suggestionFor } from "./replies.ts";
import type { QuestionToken } from "./tokens.ts";

/**
 * The winner's words must outweigh this many ordinary words only it holds: a chance word
 * ("class" of "world-class") describes nothing; a name, a number or two such words do.
 */
const MIN_DESCRIBED = 1.4;
/** A runner-up above this share of the winner's weight is offered beside it. */
const RUNNER_UP_SHARE = 0.5;

type Clause = { question: string; tokens: QuestionToken[]; fields: FieldReading };

/**
 * "which policy is the one about hukou?", "the plan with the 19 mega-regions": a question
 * naming no policy but describing one by what its texts say. Each content word weighs by its
 * rarity across the country's policies (one all of them hold — cluster, innovation — weighs
 * nothing), twice for a number or a word that would otherwise be an unknown name; a policy is
 * read as described when it holds every such name and clearly outweighs the runner-up.
 */
export function describedPolicy(
  catalog: Catalog,
  countryId: string,
  clause: Clause,
  skip: ReadonlySet<number>,
  names: readonly QuestionToken[],
): Reading | null {
  const { question, tokens, fields } = clause;
  const policyNoun = (t: QuestionToken): boolean =>
    catalog.nameNounStems.has(t.stem) ||
    (t.cjk && CJK_GENERIC_WORDS.some((w) => t.raw.includes(w)));
  if (!tokens.some(policyNoun) || !questionShaped(question)) return null;
  const index = rootHolders(catalog, countryId);
  const total = catalog.countryById.get(countryId)?.policies.length ?? 0;
  const nameRoots = new Set(names.map((t) => rootOf(t.typed)));
  // A word no English dictionary holds ("hukou", "ris3") is as specific as a name.
  const foreign = new Set(
    tokens.filter((t) => t.unknown && !isEnglishWord(t.typed)).map((t) => rootOf(t.typed)),
  );
  // "mega-regions": a hyphenated modifier is read with its head.
  const modifiers = new Set(
    tokens.flatMap((t, k) => {
      const head = tokens[k + 1];
      const joined = head && question.toLowerCase().includes(`${t.raw}-${head.raw}`.toLowerCase());
      return joined && index.has(rootOf(head.typed)) ? [rootOf(t.typed)] : [];
    }),
  );
  // "19 mega-regions": a number counts only said of what it counts.
  const numbers = new Map<string, Set<string>>();
  tokens.forEach((t, k) => {
    let j = k + 1;
    while (modifiers.has(rootOf(tokens[j]?.typed ?? ""))) j += 1;
    const thing = rootOf(tokens[j]?.typed ?? "");
    if (!/^\d+$/u.test(t.typed)) return;
    const said = new RegExp(`(?<![\\d.])${t.typed}\\s+(?:\\p{L}+-)?${thing}`, "iu");
    const ids = [...(index.get(t.typed) ?? [])].filter((id) =>
      catalog.policySentences(id).some((e) => said.test(e.sentence)),
    );
    numbers.set(t.typed, new Set(ids));
  });
  const holdersOf = (root: string): Set<string> =>
    numbers.get(root) ?? index.get(root) ?? new Set();
  const weights = new Map<string, number>();
  let missing = 0;
  // Ordinary words of questions ("the one about…") describe nothing.
  const common = tokens.flatMap((t, k) => (catalog.commonStems.has(t.stem) ? [k] : []));
  for (const root of contentRoots(catalog, tokens, new Set([...skip, ...common]), true)) {
    const held = holdersOf(root).size;
    const specific = nameRoots.has(root) || foreign.has(root) || /^\d+$/u.test(root);
    if (held > 0) weights.set(root, Math.log(total / held) * (specific ? 2 : 1));
    else if (modifiers.has(root)) continue;
    // A name no text holds stays unknown; an everyday word ("weather") is another subject.
    else if (nameRoots.has(root) || catalog.everydayStems.has(root)) return null;
    else missing += 1;
  }
  // "the beijing-tianjin-hebei region plan": words set before a name noun name a plan of their
  // own, unless every policy's texts hold them ("the cluster policy").
  const describing = (t?: QuestionToken): boolean => {
    const held = index.get(rootOf(t?.typed ?? ""))?.size ?? 0;
    return (
      t !== undefined &&
      !t.cjk &&
      !catalog.stopStems.has(t.stem) &&
      (t.unknown || (held > 0 && held < total))
    );
  };
  if (tokens.some((t, k) => catalog.nameNounStems.has(t.stem) && describing(tokens[k - 1]))) {
    return null;
  }
  const scores = new Map<string, number>();
  for (const [root, weight] of weights)
    for (const id of holdersOf(root)) scores.set(id, (scores.get(id) ?? 0) + weight);
  const holdsNames = (id: string): boolean =>
    [...nameRoots].every((root) => !weights.has(root) || holdersOf(root).has(id));
  const ranked = [...scores]
    .filter(([id]) => holdsNames(id))
    .sort((a, b) => b[1] - a[1])
    .flatMap(([id, score]) => (catalog.policies.has(id) ? [{ id, score }] : []));
  const best = ranked[0];
  const ref = catalog.policies.get(best?.id ?? "");
  if (!best || !ref || best.score === 0 || best.score < MIN_DESCRIBED * Math.log(total))
    return null;
  // The words no text holds must be fewer than those the winner holds.
  if (missing >= [...weights.keys()].filter((root) => holdersOf(root).has(best.id)).length) {
    return null;
  }
  const close = ranked.filter((r) => r.score > best.score * RUNNER_UP_SHARE).slice(0, 5);
  if (close.length > 1) {
    const refs = close.flatMap((r) => catalog.policies.get(r.id) ?? []);
    return {
      intent: {
        kind: "clarify",
        text: `Which policy do you mean? The texts of ${policyNames(refs, "and")} ${refs.length === 2 ? "both" : "all"} mention that.`,
        suggestions: refs.map((r) => suggestionFor(r, fields.policyField)),
      },
      score: DECISION.FIELD_WORD,
      why: "described by texts of several policies",
    };
  }
  const why = `described by its texts (${best.score.toFixed(2)} against ${ranked[1]?.score.toFixed(2) ?? 0})`;
  return {
    intent: describedIntent(catalog, ref, weights, clause),
    score: DECISION.FIELD_WORD,
    why,
  };
}

/**
 * The described policy, quoting its sentence (before a label or list item) that holds most of
 * the question's weight: under the summary when the question asks which policy or what it is,
 * else under a field firmly asked, else under the sentence's own field.
 */
function describedIntent(
  catalog: Catalog,
  ref: PolicyRef,
  weights: ReadonlyMap<string, number>,
  { question, tokens, fields }: Clause,
): Intent {
  const weighed = catalog.policySentences(ref.policy.id).map((entry) => {
    const roots = rootsOfStems(entry.stems);
    const weight = [...weights].reduce((sum, [r, w]) => sum + (roots.has(r) ? w : 0), 0);
    return { entry, rank: weight + (entry.item === true ? 0 : 1e-9) };
  });
  const best = weighed.reduce((a, b) => (b.rank > a.rank ? b : a)).entry;
  const identity =
    tokens.some(
      (t) => t.stem === "which" || (t.cjk && CJK_WHICH_WORDS.some((w) => t.raw.includes(w))),
    ) || /\bwhat(?:'s|\s+is|\s+was)\s+(?:it|this|that)\b/iu.test(question);
  const firm = !fields.weakOnly && [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  return {
    kind: "policy",
    country: ref.country.id,
    policy: ref.policy.id,
    field: identity ? "summary" : ((firm ? fields.policyField : null) ?? best.field),
    passage: { text: `${policyName(ref.policy, true)}: “${best.sentence}”`, section: best.section },
  };
}
