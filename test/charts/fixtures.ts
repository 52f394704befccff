import type { PeriodRow, ScoreRow } from "../../src/answers/types.ts";

/** China's maturity as the factsheet scores it (State of play of cluster policy). */
export const chinaScores: ScoreRow[] = [
  { label: "Policy scope", score: 2, max: 2, reason: "Targeted national cluster policies exist." },
  {
    label: "Consistency of cluster policies",
    score: 2,
    max: 2,
    reason: "More than 10 years with clear continuity.",
  },
  {
    label: "Evidence of performance",
    score: 0.5,
    max: 1,
    reason: "Continuous, in-itinere evaluation.",
  },
  { label: "Instruments", score: 2, max: 2, reason: "Financial and technical assistance." },
];

/** China's policy periods: TORCH has no end year, City Clusters was fully formulated in 2016. */
export const chinaPeriods: PeriodRow[] = [
  { policy: "torch", label: "TORCH Program", start: 1988, end: null, milestones: [] },
  {
    policy: "city-clusters",
    label: "City Clusters",
    start: 2006,
    end: 2035,
    milestones: [{ year: 2016, event: "fully formulated" }],
  },
  {
    policy: "greater-bay-area",
    label: "Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area",
    start: 2019,
    end: 2035,
    milestones: [],
  },
];
