import type { Country, Policy } from "../dataset/schema.ts";
import type { PeriodRow } from "./types.ts";

/** Wording helpers shared by the answer builders. */

export { policyName } from "../model/names.ts";

export function sourceLine(country: Country, section: string): string {
  return `${country.factsheet.title} › ${section}`;
}

export function joinAnd(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

export function bullets(items: readonly string[]): string {
  return items.length === 0 ? "None stated" : items.map((item) => `• ${item}`).join("\n");
}

/** "Research organisations" → "research organisations", but "SMEs" stays "SMEs". */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1]?.toUpperCase() && /[A-Z]/.test(text[1] ?? "")) {
    return text;
  }
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Offsets of the full stops that the data marks as stray (a list goes on after them:
 * "through Innovation Clusters. Technology Business Incubators, …"): no sentence ends there.
 */
function strayStops(text: string, strays: readonly string[]): Set<number> {
  const stops = new Set<number>();
  for (const snippet of strays) {
    const at = text.indexOf(snippet);
    const dot = snippet.indexOf(". ");
    if (at >= 0 && dot >= 0) stops.add(at + dot);
  }
  return stops;
}

/** The text's first sentence; a full stop the data marks as stray does not end it. */
export function firstSentence(text: string, strays: readonly string[] = []): string {
  const trimmed = text.trim();
  const stops = strayStops(trimmed, strays);
  for (const match of trimmed.matchAll(/[.!?](?=\s|$)/g)) {
    if (!stops.has(match.index)) return trimmed.slice(0, match.index + 1);
  }
  return trimmed;
}

/**
 * Up to `max` characters, cut at a sentence or word boundary, with an ellipsis when cut; a full
 * stop the data marks as stray is no sentence boundary.
 */
export function clip(text: string, max: number, strays: readonly string[] = []): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const stops = strayStops(text, strays);
  let sentenceEnd = cut.lastIndexOf(". ");
  while (sentenceEnd >= 0 && stops.has(sentenceEnd)) {
    sentenceEnd = cut.lastIndexOf(". ", sentenceEnd - 1);
  }
  if (sentenceEnd > max * 0.6) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > 0 ? space : cut.length)}…`;
}

/** A policy's summary, first sentence: a stray full stop inside a list does not cut it. */
export function summaryLead(policy: Policy): string {
  return firstSentence(policy.summary.text, policy.summary.stray_full_stops ?? []);
}

/**
 * What the data adds about the end year ("it may continue even after this period"), without
 * its "Planned end" label, which a sentence about the end already says.
 */
export function endRemark(policy: Policy): string | null {
  const end = policy.end_year.value;
  const milestone = policy.start_year.milestones.find((m) => m.year === end);
  if (!milestone) return null;
  const remark = milestone.event.replace(
    /^\s*(?:planned|scheduled|expected)\s+end\b[;,:.]?\s*/i,
    "",
  );
  return remark === "" ? null : lowerFirst(remark);
}

/**
 * The sectors as the text gives them: "sectors such as a, b and c" when the text introduces
 * them as examples ("such as"), "sectors, for instance, a, b and c"; plainly when it lists all.
 */
export function sectorsPhrase(policy: Policy, items: string): string {
  const qualifier = policy.focus.sectors_qualifier;
  if (qualifier === undefined) return items;
  return /^(?:such as|including|like|e\.g\.)$/i.test(qualifier)
    ? `sectors ${qualifier} ${items}`
    : `sectors, ${qualifier}, ${items}`;
}

/** "…, which the source qualifies: “…”": the source of funding with what the source adds. */
export function fundingValue(policy: Policy): string {
  const { text, qualification } = policy.funding_source;
  return qualification ? `${text}\nThe source adds: “${qualification.text}”` : text;
}

/** The source's own qualification of the funding, as a sentence to follow a statement of it. */
export function fundingQualification(policy: Policy): string {
  const qualification = policy.funding_source.qualification;
  return qualification ? ` But the source adds: “${qualification.text}”` : "";
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** EUR 890,000,000 → "EUR 890 million". */
export function formatEur(amount: number): string {
  if (amount >= 1e9) return `EUR ${formatNumber(amount / 1e9)} billion`;
  if (amount >= 1e6) return `EUR ${formatNumber(amount / 1e6)} million`;
  return `EUR ${amount.toLocaleString("en-GB")}`;
}

export function periodText(policy: Policy): string {
  const start = policy.start_year.value;
  const end = policy.end_year.value;
  return end === null ? `since ${start}, no end year` : `${start}–${end}`;
}

export function periodRow(policy: Policy): PeriodRow {
  return {
    policy: policy.id,
    label: policy.short_name,
    start: policy.start_year.value,
    end: policy.end_year.value,
    milestones: policy.start_year.milestones.map((m) => ({ year: m.year, event: m.event })),
  };
}

const KIND_WORDS: Readonly<Record<Policy["type"]["kind"], string>> = {
  national_cluster_policy: "national cluster policy",
  regional_cluster_policy: "regional cluster policy",
  broader_policy: "broader policy (not a dedicated cluster policy)",
};

export function kindText(policy: Policy): string {
  return KIND_WORDS[policy.type.kind];
}

/** Whether the budget rows state anything at all. */
export function budgetStated(policy: Policy): boolean {
  return policy.budget.amounts.length > 0 || !/not indicated/i.test(policy.budget.overall);
}

export function budgetSummary(policy: Policy): string {
  const amounts = policy.budget.amounts;
  if (amounts.length === 0) {
    return budgetStated(policy) ? policy.budget.overall : "not stated in the sources";
  }
  return amounts
    .map((a) => {
      const years =
        a.from_year !== undefined && a.to_year !== undefined
          ? ` (${a.from_year}–${a.to_year})`
          : a.from_year !== undefined
            ? ` (from ${a.from_year})`
            : "";
      return `${a.label}: ${a.approximate ? "about " : ""}${formatEur(a.amount_eur)}${years}`;
    })
    .join("; ");
}

const EVALUATION_WORDS: Readonly<Record<Policy["evaluation"]["status"], string>> = {
  "in-itinere": "is evaluated in itinere (while it runs)",
  "ex-ante": "has an ex-ante evaluation",
  "ex-post": "has an ex-post evaluation",
  none: "has no policy evaluation",
};

export function evaluationText(policy: Policy): string {
  return EVALUATION_WORDS[policy.evaluation.status];
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * A list item as it reads inside a sentence: a generic description loses its capital
 * ("Local and municipal authorities" → "local and municipal authorities"), a name keeps it
 * ("Government of Guangdong Province", "Ministry of Science and Technology (MoST)").
 */
export function inSentence(item: string): string {
  const rest = item.split(/\s+/).slice(1);
  // A capitalised word followed by small letters is a name; "R&D", "SMEs" are abbreviations.
  const hasName = rest.some((word) => /^[(]?[A-Z][a-z]/.test(word));
  return hasName ? item : lowerFirst(item);
}

/** Beneficiary-like items in a sentence: a singular group reads with "the" ("the general population"). */
export function groupInSentence(item: string): string {
  const text = inSentence(item);
  const last = text.split(/\s+/).pop() ?? "";
  const singular = /^[a-z-]+$/.test(last) && !/s$/.test(last);
  return singular && text === lowerFirst(item) ? `the ${text}` : text;
}

/**
 * A long list item shortened for a first sentence, from its own words: the heading of
 * "Innovation: voucher, support to hire PhDs", or the text before an example in brackets or a
 * second clause.
 */
export function shortItem(item: string): string {
  const colon = item.indexOf(":");
  if (colon > 0 && colon < 50) {
    // "Innovation: voucher, support to hire PhDs": the heading is the kind of support, the
    // words after the colon its examples — "innovation support (voucher, support to hire
    // PhDs)". A heading that already names what it is ("Marketing activities") keeps its word.
    const examples = item
      .slice(colon + 1)
      .split(/,| \(/)
      .map((part) => part.replace(/\s+etc\.?$/, "").trim())
      .filter((part) => part !== "" && !/^(?:etc\.?|and so on)$/.test(part))
      .slice(0, 2);
    const heading = inSentence(item.slice(0, colon).trim());
    const kind = /\b(?:support|activities|services|measures|aid|funding)\b/i.test(heading)
      ? heading
      : `${heading} support`;
    return examples.length === 0 ? heading : `${kind} (${examples.join(", ")})`;
  }
  const bracketless = (item.split(/ \(/)[0] ?? item).trim();
  // A list of examples ending in "etc." is shortened to its first; other commas belong to the
  // name ("Promoting entrepreneurship, start-ups and spin-offs").
  const cut = /,?\s+etc\.?$/.test(bracketless)
    ? (bracketless.split(", ")[0] ?? bracketless)
    : bracketless;
  return inSentence(cut.replace(/,?\s+etc\.?$/, "").trim());
}

/** The first few items, shortened, as "a, b and c". */
export function someItems(items: readonly string[], count = 2): string {
  return joinAnd(items.slice(0, count).map(shortItem));
}

/**
 * Examples of a list after its count: ", such as a and b" when some are left out, ", namely a and
 * b" when all are named.
 */
export function examplesOf(items: readonly string[], count = 2): string {
  if (items.length === 0) return "";
  return `, ${items.length <= count ? "namely" : "such as"} ${someItems(items, count)}`;
}
