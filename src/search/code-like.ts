import { COUNTRY_FIELDS, POLICY_FIELDS } from "../dataset/schema.ts";

/**
 * Text that reads as program code rather than a question ("policies.torch.budget",
 * "if (x == 1) { … }", "SELECT … FROM …"): the names in it are identifiers, not policies
 * asked about, so the engine declines rather than answering a field of one.
 */
const CODE_PATTERNS: readonly RegExp[] = [
  // Backticks quote code in chat.
  /`/,
  // Braces, and a statement ending in a semicolon.
  /[{}]/,
  /;\s*(?:$|\n|\/\/)/,
  // Comparison operators and arrows between operands: "x == y", "a != b", "a => b".
  /[\p{L}\p{N}_)\]'"]\s*(?:===?|!==?|<=|>=|=>)\s*[\p{L}\p{N}_('"[]/u,
  // An assignment written tight ("a=b"); a spaced one is `spacedAssignment` below. A spaced
  // "=" after prose is prose: "GBA = Pearl River Delta", "someone told me the GBA plan = 2019".
  /[\p{L}\p{N}_)\]'"]=[\p{L}\p{N}_('"[]/u,
  // A call: an identifier immediately followed by parentheses ("print(x)", "load('gba')").
  /[A-Za-z_][\w.]*\([^()]*\)/,
  // Dotted identifiers ("policies.torch.budget", "torch.py"): two word parts of two or more
  // characters joined by a dot with no space; "e.g." and "U.S." have one-letter parts.
  /(?<![\p{L}\p{N}])[A-Za-z_][A-Za-z0-9_]+\.[A-Za-z_][A-Za-z0-9_]+/u,
  // SQL statements.
  /\bselect\s+[\w*,\s]+?\s+from\s+\w/i,
  /\b(?:insert\s+into|delete\s+from|drop\s+table|create\s+table|update\s+\w+\s+set)\b/i,
];

/**
 * Field ids users copy from the /policy section options ("Torch eu_alignment"): snake case
 * that names a known field is a field word, not an identifier of code.
 */
const FIELD_IDS: ReadonlySet<string> = new Set([...POLICY_FIELDS, ...COUNTRY_FIELDS]);

/** Snake case ("torch_budget", "x_1") other than a known field id. */
function hasSnakeCaseIdentifier(text: string): boolean {
  const words = text.match(/[A-Za-z0-9_]*[A-Za-z0-9]_[A-Za-z0-9][A-Za-z0-9_]*/g) ?? [];
  return words.some((word) => !FIELD_IDS.has(word.toLowerCase()));
}

/**
 * A spaced assignment of a literal to one identifier opening a statement ("x = 1", "let s =
 * 'gba'"): code when the statement ends there, or goes on for a few tokens at most.
 */
const SPACED_ASSIGNMENT =
  /(?:^|[;\n({]|\b(?:let|const|var|val|int|float|double|auto)\s)\s*[A-Za-z_][\w.[\]]*\s*=\s*(?:[\p{N}('"[]|-\p{N}|true\b|false\b|null\b)[^\n]*/gu;

/**
 * Words of prose after an assignment's literal that make it a sentence, not a statement: "GBA
 * = 12% of China's economy with only 5% of the people?? sounds made up" states a claim in
 * words; a statement goes on, if at all, with a comment or an operator or two.
 */
const PROSE_AFTER_ASSIGNMENT = 4;

function spacedAssignment(text: string): boolean {
  for (const match of text.matchAll(SPACED_ASSIGNMENT)) {
    const after = match[0].slice(match[0].indexOf("=") + 1);
    const words = after.match(/\p{L}{2,}/gu) ?? [];
    if (words.length < PROSE_AFTER_ASSIGNMENT) return true;
  }
  return false;
}

export function looksLikeCode(text: string): boolean {
  return (
    hasSnakeCaseIdentifier(text) ||
    CODE_PATTERNS.some((pattern) => pattern.test(text)) ||
    spacedAssignment(text)
  );
}
