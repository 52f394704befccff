import { CJK_PINYIN } from "./vocabulary.ts";
import type { Catalog } from "./catalog.ts";
import { isEnglishWord } from "../text/english-words.ts";

/**
 * Chinese names typed in romanisation ("huoju jihua 是哪个部门在管", "dawanqu 的政策") read as
 * the Chinese they spell, so the Chinese reader finds the name. Only the data's own names are
 * romanised: every run of two or more characters of a policy's Chinese name, by the pinyin of
 * its characters (data/vocabulary/chinese.json `pinyin`), written joined ("dawanqu" of 大湾区).
 * A single syllable ("da", "shi") spells no name, and an English word is never read as one.
 */
const spellingsByCatalog = new WeakMap<Catalog, ReadonlyMap<string, string>>();

/** Two or more characters, so that at least two syllables spell a name's part. */
const MIN_CHARS = 2;

/** The longest run of typed words tried as one spelling ("da wan qu"). */
const MAX_WORDS = 6;

function spellings(catalog: Catalog): ReadonlyMap<string, string> {
  let out = spellingsByCatalog.get(catalog);
  if (out !== undefined) return out;
  const table = new Map<string, string>();
  for (const { text } of catalog.cjkAliases) {
    const chars = [...text];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + MIN_CHARS; end <= chars.length; end++) {
        const han = chars.slice(start, end);
        const syllables = han.map((c) => CJK_PINYIN[c]);
        if (syllables.some((s) => s === undefined)) continue;
        const spelling = syllables.join("");
        if (!isEnglishWord(spelling) && !table.has(spelling)) table.set(spelling, han.join(""));
      }
    }
  }
  out = table;
  spellingsByCatalog.set(catalog, out);
  return out;
}

const startsByCatalog = new WeakMap<Catalog, ReadonlySet<string>>();

/** Every beginning of a spelling ("d", "da", "daw"…), to pass by words that begin none. */
function starts(catalog: Catalog): ReadonlySet<string> {
  let out = startsByCatalog.get(catalog);
  if (out !== undefined) return out;
  const set = new Set<string>();
  for (const spelling of spellings(catalog).keys()) {
    for (let n = 1; n <= spelling.length; n++) set.add(spelling.slice(0, n));
  }
  out = set;
  startsByCatalog.set(catalog, out);
  return out;
}

/** Lower case, tone marks dropped ("Huǒjù" → huoju). */
const plain = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The text with each romanised run of one of our Chinese names written in Han characters. */
export function hanFromPinyin(catalog: Catalog, text: string): string {
  const table = spellings(catalog);
  if (table.size === 0 || !/\p{Script=Latin}/u.test(text)) return text;
  // Words and what separates them, kept so the rest of the text is unchanged.
  const parts = text.split(/([^\p{L}]+)/u);
  const out: string[] = [];
  for (let k = 0; k < parts.length;) {
    let found: { han: string; next: number } | null = null;
    // Most words begin no spelling: skip them without trying runs.
    if (k % 2 !== 0 || !starts(catalog).has(plain(parts[k] ?? ""))) {
      out.push(parts[k] ?? "");
      k += 1;
      continue;
    }
    // Words are at even positions; a run of them is joined across plain spaces or hyphens.
    for (let words = MAX_WORDS; words >= 1 && found === null; words--) {
      const last = k + 2 * (words - 1);
      if (k % 2 !== 0 || last >= parts.length) continue;
      const gaps = parts.slice(k + 1, last).filter((_, j) => j % 2 === 0);
      if (!gaps.every((gap) => /^[\s-]+$/u.test(gap))) continue;
      const typed = parts.slice(k, last + 1).filter((_, j) => j % 2 === 0);
      const spelling = typed.map(plain).join("");
      const han = table.get(spelling);
      // A single typed word that is English ("dawn") keeps its meaning.
      const english = typed.length === 1 && isEnglishWord(spelling);
      if (han !== undefined && !english) found = { han, next: last + 1 };
    }
    if (found !== null) {
      // Han after Han reads as one run: "huoju jihua" is 火炬计划.
      const previous = out.at(-1) ?? "";
      if (/^[\s-]+$/u.test(previous) && /\p{Script=Han}$/u.test(out.at(-2) ?? "")) out.pop();
      out.push(found.han);
      k = found.next;
    } else {
      out.push(parts[k] ?? "");
      k += 1;
    }
  }
  return out.join("");
}
