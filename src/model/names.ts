import type { Policy } from "../dataset/schema.ts";

/** Names that read with "the": "the TORCH Program", but "City Clusters". */
const ARTICLE_NOUNS = new Set([
  "program",
  "programme",
  "plan",
  "policy",
  "strategy",
  "initiative",
  "scheme",
  "fund",
  "project",
  "area",
  "region",
  "network",
  "platform",
  "agenda",
]);

export function policyName(policy: Policy, sentenceStart = false): string {
  const words = policy.short_name.trim().split(/\s+/);
  const last = (words[words.length - 1] ?? "").toLowerCase();
  if (!ARTICLE_NOUNS.has(last) || /^the\s/i.test(policy.short_name)) return policy.short_name;
  return `${sentenceStart ? "The" : "the"} ${policy.short_name}`;
}

/** "the TORCH Program's", "City Clusters'": a plural name takes the apostrophe alone. */
export function policyPossessive(policy: Policy): string {
  const name = policyName(policy);
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
