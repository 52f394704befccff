import {
  BENEFICIARIES,
  EU_PRIORITIES,
  FINANCIAL_INSTRUMENTS,
  OBJECTIVES,
  TECHNICAL_ASSISTANCE,
  type PolicyField,
} from "../../dataset/schema.ts";
import { phraseStems } from "../../model/normalize.ts";
import { policyPossessive } from "../../model/names.ts";
import { FIELD_QUESTION_WORDS, type Catalog, type PolicyRef } from "../catalog.ts";
import { rootOf } from "./passages.ts";
import type { QuestionToken } from "./tokens.ts";

/**
 * The factsheet series draws its lists from fixed vocabularies (schema enums): every objective,
 * beneficiary, instrument and EU priority any policy may list. A question naming one of those
 * items ("is 'promoting social and sustainable economy' one of TORCH's objectives?") asks that
 * list, whether or not the policy lists the item — the answer is then "no", not another field.
 */
const SERIES: readonly { field: PolicyField; items: readonly string[] }[] = [
  { field: "objectives", items: OBJECTIVES },
  { field: "beneficiaries", items: BENEFICIARIES },
  { field: "instruments", items: [...FINANCIAL_INSTRUMENTS, ...TECHNICAL_ASSISTANCE] },
  { field: "eu_alignment", items: EU_PRIORITIES },
];

/** An item, or one part of an item that lists examples after a colon ("Infrastructure: …"). */
interface SeriesEntry {
  field: PolicyField;
  item: string;
  roots: ReadonlySet<string>;
  /** Every word's root, ordinary ones ("initiatives") included. */
  allRoots: ReadonlySet<string>;
}

/** Fewest content words of an item a question must hold for the item to count. */
const MIN_ITEM_WORDS = 2;

const entriesByCatalog = new WeakMap<Catalog, SeriesEntry[]>();

function seriesEntries(catalog: Catalog): SeriesEntry[] {
  const cached = entriesByCatalog.get(catalog);
  if (cached) return cached;
  const content = (text: string): Set<string> =>
    new Set(
      phraseStems(text)
        .filter((s) => !catalog.stopStems.has(s) && !catalog.commonStems.has(s) && s.length > 1)
        .map(rootOf),
    );
  const entries: SeriesEntry[] = [];
  for (const { field, items } of SERIES) {
    for (const item of items) {
      const allRoots = new Set(phraseStems(item).map(rootOf));
      entries.push({ field, item, roots: content(item), allRoots });
      const colon = item.indexOf(":");
      if (colon < 0) continue;
      for (const part of item.slice(colon + 1).split(",")) {
        const roots = content(part);
        if (roots.size >= MIN_ITEM_WORDS) entries.push({ field, item, roots, allRoots });
      }
    }
  }
  entriesByCatalog.set(catalog, entries);
  return entries;
}

/** Whether one item of the series' lists holds all these roots (words of the domain, no name). */
export function seriesHolds(catalog: Catalog, roots: readonly string[]): boolean {
  return (
    roots.length > 0 &&
    seriesEntries(catalog).some((entry) => roots.every((r) => entry.allRoots.has(r)))
  );
}

/** The policy's own items of a list field. */
function listedItems(ref: PolicyRef, field: PolicyField): readonly string[] {
  const p = ref.policy;
  if (field === "objectives") return p.objectives.items;
  if (field === "beneficiaries") return p.beneficiaries.items;
  if (field === "eu_alignment") return p.eu_alignment.items;
  if (field === "instruments") {
    return [...p.instruments.financial, ...p.instruments.technical_assistance];
  }
  return [];
}

export interface ListItemReading {
  field: PolicyField;
  item: string;
  /** The policy lists the item. */
  listed: boolean;
  /** How many of the item's content words the question holds. */
  matched: number;
  /** The question names the list itself ("objectives"). */
  listNamed: boolean;
}

/**
 * The series item the question's content words name: at least two of its words and half of
 * them, more than any item of another list. Null when none, or when items of two lists tie.
 */
export function listItemReading(
  catalog: Catalog,
  ref: PolicyRef,
  tokens: readonly QuestionToken[],
  namePositions: ReadonlySet<number>,
): ListItemReading | null {
  const roots = new Set<string>();
  tokens.forEach((t, k) => {
    if (namePositions.has(k) || t.cjk || catalog.stopStems.has(t.stem)) return;
    if (catalog.commonStems.has(t.stem)) return;
    roots.add(rootOf(t.typed));
    roots.add(rootOf(t.stem));
  });
  let best: { entry: SeriesEntry; matched: number } | null = null;
  let tied = false;
  for (const entry of seriesEntries(catalog)) {
    let matched = 0;
    for (const r of entry.roots) if (roots.has(r)) matched += 1;
    if (matched < MIN_ITEM_WORDS || matched * 2 < entry.roots.size) continue;
    if (best === null || matched > best.matched) {
      best = { entry, matched };
      tied = false;
    } else if (matched === best.matched && entry.field !== best.entry.field) {
      tied = true;
    }
  }
  if (best === null || tied) return null;
  const { field, item } = best.entry;
  const own = new Set(phraseStems(FIELD_QUESTION_WORDS[field]));
  return {
    field,
    item,
    listed: listedItems(ref, field).includes(item),
    matched: best.matched,
    listNamed: tokens.some((t) => own.has(t.stem)),
  };
}

/** "Yes — “…” is listed among X's objectives." / "No — … is not among …", as the question asks. */
export function listItemText(ref: PolicyRef, reading: ListItemReading, yesNo: boolean): string {
  const list = `${policyPossessive(ref.policy)} ${FIELD_QUESTION_WORDS[reading.field]}`;
  const said = reading.listed
    ? `“${reading.item}” is listed among ${list}.`
    : `“${reading.item}” is not listed among ${list}.`;
  if (!yesNo) return said.charAt(0).toUpperCase() + said.slice(1);
  return `${reading.listed ? "Yes" : "No"} — ${said}`;
}
