import type { Intent } from "../../model/intent.ts";
import type { Catalog } from "../catalog.ts";
import { THE_REST_WORDS } from "../vocabulary.ts";
import type { EvidenceLog } from "./evidence.ts";

const THE_REST = new RegExp(
  `\\b(?:${THE_REST_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("|")})\\b`,
  "iu",
);

/**
 * "I've read the GBA stuff and the TORCH stuff, what about the other one?": two names and
 * "the other one" where the country holds exactly one more policy ask about that one, not
 * for a comparison of the two already read. A comparison asked in words ("compare … with the
 * other one") stays a comparison.
 */
export function theRest(catalog: Catalog, intent: Intent, text: string, log: EvidenceLog): Intent {
  if (intent.kind !== "compare" || !THE_REST.test(text)) return intent;
  if (log.cued("compare")) return intent;
  const rest = catalog.countryById
    .get(intent.country)
    ?.policies.filter((p) => !intent.policies.includes(p.id));
  const [only] = rest ?? [];
  if (rest?.length !== 1 || only === undefined) return intent;
  return log.decide(
    { kind: "policy", country: intent.country, policy: only.id, field: intent.field },
    "the one not named",
  );
}
