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
  // Assignment and comparison operators between operands: "a = b", "x == y", "a != b".
  /[\p{L}\p{N}_)\]'"]\s*(?:==?=?|!==?|<=|>=|=>)\s*[\p{L}\p{N}_('"[]/u,
  // A call: an identifier immediately followed by parentheses ("print(x)", "load('gba')").
  /[A-Za-z_][\w.]*\([^()]*\)/,
  // Dotted identifiers ("policies.torch.budget", "torch.py"): two word parts of two or more
  // characters joined by a dot with no space; "e.g." and "U.S." have one-letter parts.
  /(?<![\p{L}\p{N}])[A-Za-z_][A-Za-z0-9_]+\.[A-Za-z_][A-Za-z0-9_]+/u,
  // Snake case ("torch_budget", "start_year").
  /[A-Za-z0-9]_[A-Za-z0-9]/,
  // SQL statements.
  /\bselect\s+[\w*,\s]+?\s+from\s+\w/i,
  /\b(?:insert\s+into|delete\s+from|drop\s+table|create\s+table|update\s+\w+\s+set)\b/i,
];

export function looksLikeCode(text: string): boolean {
  return CODE_PATTERNS.some((pattern) => pattern.test(text));
}
