import type { Country, Policy } from "./schema.ts";
import { MaturityDimensionId } from "./schema.ts";

type DimensionId = (typeof MaturityDimensionId.options)[number];

/** One maturity dimension as the rules compute it from the policy facts. */
export interface ComputedDimension {
  id: DimensionId;
  label: string;
  score: number;
  max: number;
  /** Why the rules give this score, in words a user can check against the policies. */
  reason: string;
}

export interface ComputedMaturity {
  dimensions: ComputedDimension[];
  total: number;
  max: number;
}

/** The factsheet series' maximum per dimension. */
export const MATURITY_MAX: Readonly<Record<DimensionId, number>> = {
  policy_scope: 2,
  consistency: 2,
  evidence_of_performance: 1,
  instruments: 2,
};

const DEFAULT_LABELS: Readonly<Record<DimensionId, string>> = {
  policy_scope: "Policy scope",
  consistency: "Consistency of cluster policies",
  evidence_of_performance: "Evidence of performance",
  instruments: "Instruments",
};

const KIND_WORDS: Readonly<Record<Policy["type"]["kind"], string>> = {
  national_cluster_policy: "national cluster policy",
  regional_cluster_policy: "regional cluster policy",
  broader_policy: "broader policy",
};

/** The consistency rule's threshold: more than ten years of experience (exactly ten is not). */
const LONG_RUNNING_YEARS = 10;

function isDedicated(policy: Policy): boolean {
  return (
    policy.type.kind === "national_cluster_policy" || policy.type.kind === "regional_cluster_policy"
  );
}

function isOngoing(policy: Policy, dataYear: number): boolean {
  const end = policy.end_year.value;
  return end === null || end >= dataYear;
}

function names(policies: readonly Policy[]): string {
  const list = policies.map((p) => p.short_name);
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

function policyScope(country: Country): { score: number; reason: string } {
  const dedicated = country.policies.filter(isDedicated);
  if (dedicated.length > 0) {
    const kinds = dedicated.map((p) => `${p.short_name} (${KIND_WORDS[p.type.kind]})`);
    return {
      score: 2,
      reason: `Dedicated cluster ${dedicated.length === 1 ? "policy" : "policies"}: ${kinds.join(", ")}`,
    };
  }
  const broader = country.policies.filter((p) => p.type.kind === "broader_policy");
  if (broader.length > 0) {
    return {
      score: 1,
      reason: `No dedicated cluster policy; clusters are targeted only through broader policies (${names(broader)})`,
    };
  }
  return { score: 0, reason: "No cluster policy and no broader policy targeting clusters" };
}

/**
 * The years from `since` to the data year in which no dedicated policy ran: the interruptions
 * the data shows (a policy that ended before the next began, or before the data year).
 */
function gapsSince(policies: readonly Policy[], since: number, dataYear: number): string[] {
  const gaps: string[] = [];
  let covered = since;
  const periods = policies
    .map((p) => ({ start: p.start_year.value, end: p.end_year.value ?? dataYear }))
    .sort((a, b) => a.start - b.start);
  for (const period of periods) {
    if (period.start > covered + 1) gaps.push(`${covered + 1}–${period.start - 1}`);
    covered = Math.max(covered, period.end);
  }
  if (covered < dataYear) gaps.push(`${covered + 1}–${dataYear}`);
  return gaps.map((gap) => gap.replace(/^(\d+)–\1$/, "$1"));
}

/**
 * "< 10 years of experience or > 10 years (but interrupted) = 1 point; > 10 years (but with
 * clear continuity) = 2 points": a dedicated policy that has run, ongoing at the data year,
 * for more than ten years gives 2; more than ten years of experience with a gap gives 1.
 */
function consistency(country: Country): { score: number; reason: string } {
  const dataYear = country.maturity.data_year;
  const dedicated = country.policies.filter(
    (p) => isDedicated(p) && p.start_year.value <= dataYear,
  );
  if (dedicated.length === 0) {
    return {
      score: 0,
      reason:
        "No dedicated cluster policy (this dimension is scored solely if the country has a dedicated cluster policy)",
    };
  }
  const longRunning = dedicated.filter(
    (p) => isOngoing(p, dataYear) && dataYear - p.start_year.value > LONG_RUNNING_YEARS,
  );
  const first = longRunning.sort((a, b) => a.start_year.value - b.start_year.value)[0];
  if (first) {
    return {
      score: 2,
      reason: `${first.short_name} has run since ${first.start_year.value} with clear continuity (> ${LONG_RUNNING_YEARS} years)`,
    };
  }
  const parts = dedicated.map((p) =>
    isOngoing(p, dataYear)
      ? `${p.short_name} since ${p.start_year.value}`
      : `${p.short_name} ${p.start_year.value}–${p.end_year.value ?? ""} (ended)`,
  );
  const since = Math.min(...dedicated.map((p) => p.start_year.value));
  if (dataYear - since > LONG_RUNNING_YEARS) {
    const gaps = gapsSince(dedicated, since, dataYear);
    // One policy following another without a gap is experience with continuity too.
    return gaps.length === 0
      ? {
          score: 2,
          reason: `Dedicated cluster policies have followed one another without interruption since ${since} (> ${LONG_RUNNING_YEARS} years): ${parts.join(", ")}`,
        }
      : {
          score: 1,
          reason: `> ${LONG_RUNNING_YEARS} years of experience (since ${since}) but interrupted: no dedicated cluster policy in ${gaps.join(", ")} (${parts.join(", ")})`,
        };
  }
  return {
    score: 1,
    reason: `No dedicated cluster policy has run for > ${LONG_RUNNING_YEARS} years without interruption by ${dataYear}: ${parts.join(", ")}`,
  };
}

function evidenceOfPerformance(country: Country): { score: number; reason: string } {
  const inItinere = country.policies.filter((p) => p.evaluation.status === "in-itinere");
  const exAnteOrPost = country.policies.filter(
    (p) => p.evaluation.status === "ex-ante" || p.evaluation.status === "ex-post",
  );
  const terminated = country.state_of_play.evaluation_terminated;
  const pastEvaluated = terminated.available === true;

  const reasons: string[] = [];
  let score = 0;
  if (inItinere.length > 0 || pastEvaluated) {
    score += 0.5;
    const what: string[] = [];
    if (inItinere.length > 0) what.push(`in-itinere evaluation of ${names(inItinere)}`);
    if (pastEvaluated) what.push("evaluations of past policies");
    reasons.push(`${what.join(" and ")} (+0.5)`);
  } else {
    reasons.push("no in-itinere evaluation and no evaluation of past policies (+0)");
  }
  // The state of play's own row on terminated policies, said whenever it says there is none.
  if (terminated.available === false) {
    reasons.push(
      `${terminated.status.charAt(0).toLowerCase()}${terminated.status.slice(1)} for terminated policies (“${terminated.text.replace(/[.\s]+$/, "")}”)`,
    );
  }
  if (exAnteOrPost.length > 0) {
    score += 0.5;
    const what = exAnteOrPost.map((p) => `${p.evaluation.status} evaluation of ${p.short_name}`);
    reasons.push(`${what.join(", ")} (+0.5)`);
  } else {
    reasons.push("no ex-ante or ex-post evaluation (+0)");
  }
  const sentence = reasons.join("; ");
  return { score, reason: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

function instruments(country: Country): { score: number; reason: string } {
  const financial = country.policies.filter((p) => p.instruments.financial.length > 0);
  const assistance = country.policies.filter((p) => p.instruments.technical_assistance.length > 0);
  const parts = [
    financial.length > 0
      ? `financial instruments (${names(financial)}) +1`
      : "no financial instruments +0",
    assistance.length > 0
      ? `technical assistance (${names(assistance)}) +1`
      : "no technical assistance +0",
  ];
  const sentence = parts.join("; ");
  return {
    score: (financial.length > 0 ? 1 : 0) + (assistance.length > 0 ? 1 : 0),
    reason: sentence.charAt(0).toUpperCase() + sentence.slice(1),
  };
}

const RULES: Readonly<
  Record<DimensionId, (country: Country) => { score: number; reason: string }>
> = {
  policy_scope: policyScope,
  consistency,
  evidence_of_performance: evidenceOfPerformance,
  instruments,
};

/**
 * The maturity index computed from the policy facts by the factsheet's rules, in the order
 * policy scope, consistency, evidence of performance, instruments. Labels come from the
 * published index where present, so the answer reads like the factsheet.
 */
export function computeMaturity(country: Country): ComputedMaturity {
  const dimensions = MaturityDimensionId.options.map((id): ComputedDimension => {
    const published = country.maturity.dimensions.find((d) => d.id === id);
    const { score, reason } = RULES[id](country);
    return {
      id,
      label: published?.label ?? DEFAULT_LABELS[id],
      score,
      max: MATURITY_MAX[id],
      reason,
    };
  });
  return {
    dimensions,
    total: dimensions.reduce((sum, d) => sum + d.score, 0),
    max: dimensions.reduce((sum, d) => sum + d.max, 0),
  };
}

/** A disagreement between the published index and the rules, with its JSON path in the country file. */
export interface MaturityMismatch {
  path: string;
  message: string;
}

/** Published scores and maxima that the rules do not reproduce. Empty when the index is consistent. */
export function checkPublishedMaturity(country: Country): MaturityMismatch[] {
  const computed = computeMaturity(country);
  const mismatches: MaturityMismatch[] = [];
  country.maturity.dimensions.forEach((published, index) => {
    const rule = computed.dimensions.find((d) => d.id === published.id);
    if (!rule) return;
    if (published.max !== rule.max) {
      mismatches.push({
        path: `maturity.dimensions[${index}].max`,
        message: `${published.label}: published maximum ${published.max}, but the factsheet's rules give a maximum of ${rule.max}`,
      });
    }
    if (published.score !== rule.score) {
      mismatches.push({
        path: `maturity.dimensions[${index}].score`,
        message: `${published.label}: published score ${published.score}, but the rules compute ${rule.score} from the policies (${rule.reason})`,
      });
    }
  });
  return mismatches;
}
