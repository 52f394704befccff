import type { Country, Policy, PolicyField } from "../dataset/schema.ts";
import { FIELD_QUESTION_WORDS } from "../model/fields.ts";
import {
  bullets,
  budgetStated,
  budgetSummary,
  endRemark,
  evaluationText,
  fundingValue,
  inSentence,
  joinAnd,
  kindText,
  lowerFirst,
  periodRow,
  periodText,
  policyName,
  sectorsPhrase,
  shortItem,
  sourceLine,
  summaryLead,
  unique,
} from "./format.ts";
import {
  CARD_FIELDS,
  FIELD_TITLES,
  FIELDS_SHOWN,
  fieldNotes,
  noteSections,
} from "./policy-answer.ts";
import type { Answer, AnswerSection } from "./types.ts";

/** Two or more policies side by side: which is earlier, what they share, what each has alone. */

interface CompareBody {
  text: string;
  details: AnswerSection[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Clauses joined by semicolons: only the first keeps a capital "The". */
function joinClauses(parts: readonly string[]): string {
  return `${parts.map((part, i) => (i === 0 ? part : part.replace(/^The /, "the "))).join("; ")}.`;
}

function names(policies: readonly Policy[]): string {
  return joinAnd(policies.map((p) => policyName(p)));
}

/** Groups policies by a value, in first-seen order: "A and B are X; C is Y". */
function groupBy(policies: readonly Policy[], key: (p: Policy) => string): [string, Policy[]][] {
  const groups = new Map<string, Policy[]>();
  for (const policy of policies) {
    const k = key(policy);
    groups.set(k, [...(groups.get(k) ?? []), policy]);
  }
  return [...groups.entries()];
}

function startYears(policies: readonly Policy[]): CompareBody {
  const sorted = [...policies].sort((a, b) => a.start_year.value - b.start_year.value);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let text: string;
  if (!first || !last || first.start_year.value === last.start_year.value) {
    text = `${capitalise(names(policies))} all started in ${first?.start_year.value ?? "?"}.`;
  } else if (sorted.length === 2) {
    text = `${capitalise(policyName(first))} started earlier (${first.start_year.value}) than ${policyName(
      last,
    )} (${last.start_year.value}).`;
  } else {
    text = `${capitalise(policyName(first))} started first (${first.start_year.value}), ${policyName(
      last,
    )} last (${last.start_year.value}).`;
  }
  return {
    text,
    details: sorted.map((p) => ({
      name: p.short_name,
      value: `${p.start_year.value} (${periodText(p)})`,
      inline: true,
    })),
  };
}

function endYears(policies: readonly Policy[]): CompareBody {
  const groups = groupBy(policies, (p) => String(p.end_year.value ?? "none")).sort(([a], [b]) =>
    a === "none" ? 1 : b === "none" ? -1 : Number(a) - Number(b),
  );
  const parts = groups.map(([end, group]) => {
    const who = capitalise(names(group));
    if (end === "none") return `${who} ${group.length > 1 ? "have" : "has"} no end year`;
    const verb =
      group.length === 1
        ? "is planned to end"
        : group.length === 2
          ? "are both planned to end"
          : "are all planned to end";
    // What the source adds about each end ("it may continue even after this period") stays.
    const remarks = group.flatMap((p) => {
      const remark = endRemark(p);
      if (remark === null) return [];
      return [group.length === 1 ? remark : `${policyName(p)}: ${remark}`];
    });
    return `${who} ${verb} in ${end}${remarks.length > 0 ? ` (${remarks.join("; ")})` : ""}`;
  });
  return {
    text: joinClauses(parts),
    details: policies.map((p) => {
      const remark = endRemark(p);
      return {
        name: p.short_name,
        value:
          p.end_year.value === null
            ? "no end year (unlimited)"
            : `${p.end_year.value} (limited period${remark ? `; ${remark}` : ""})`,
        inline: true,
      };
    }),
  };
}

function budgets(policies: readonly Policy[]): CompareBody {
  const stated = policies.filter(budgetStated);
  const unstated = policies.filter((p) => !budgetStated(p));
  let text: string;
  if (stated.length === 0) {
    text = `The sources state no budget for ${names(policies)}.`;
  } else if (unstated.length === 0) {
    text = joinClauses(stated.map((p) => `${capitalise(policyName(p))}: ${budgetSummary(p)}`));
  } else {
    text = `Only ${stated.map((p) => `${policyName(p)} (${budgetSummary(p)})`).join(" and ")} ${
      stated.length === 1 ? "has" : "have"
    } a stated budget; the sources give none for ${names(unstated)}.`;
  }
  // Where the source qualifies who pays, the comparison says who pays and the caveat.
  const qualified = policies.flatMap((p) => {
    const qualification = p.funding_source.qualification;
    return qualification
      ? [
          ` ${capitalise(policyName(p))} is funded by ${lowerFirst(p.funding_source.text)}, but the source adds: “${qualification.text}”`,
        ]
      : [];
  });
  return {
    text: `${text}${qualified.join("")}`,
    details: policies.map((p) => ({
      name: p.short_name,
      value: `Overall: ${p.budget.overall}\nAnnual: ${p.budget.annual}\nFunding: ${fundingValue(p)}`,
    })),
  };
}

/** A noun with its count: "1 EU priority", "2 EU priorities". */
interface Noun {
  one: string;
  many: string;
}

function counted(count: number, noun: Noun): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

/** Up to three items named, shortened: "a, b and c", or "a, b and 4 more". */
function named(items: readonly string[], max = 3): string {
  if (items.length <= max) return joinAnd(items.map(shortItem));
  return `${items
    .slice(0, max - 1)
    .map(shortItem)
    .join(", ")} and ${items.length - max + 1} more`;
}

/** What all share, what each has alone, and (with three or more) what some share. */
function sharedAndAlone(
  policies: readonly Policy[],
  items: (p: Policy) => readonly string[],
  noun: Noun,
): CompareBody {
  const sets = policies.map((p) => new Set(items(p)));
  const all = unique(policies.flatMap((p) => [...items(p)]));
  const shared = all.filter((item) => sets.every((s) => s.has(item)));
  const alone = policies.map((p, i) => ({
    policy: p,
    items: [...(sets[i] ?? [])].filter((item) => sets.every((s, j) => j === i || !s.has(item))),
  }));
  const some = all.filter((item) => {
    const count = sets.filter((s) => s.has(item)).length;
    return count > 1 && count < sets.length;
  });
  const aloneText = alone
    .filter((a) => a.items.length > 0)
    .map((a) => `${policyName(a.policy)} alone has ${a.items.length} (${named(a.items, 2)})`);
  const sharedText =
    shared.length === 0
      ? `${capitalise(names(policies))} have no ${noun.many} in common`
      : shared.length === all.length
        ? `${capitalise(names(policies))} have the same ${counted(shared.length, noun)} (${named(shared)})`
        : `${capitalise(names(policies))} share ${counted(shared.length, noun)} (${named(shared)})`;
  // Three or more: what only some share, by group ("the TORCH Program and the GBA plan also
  // share 2"), and plainly when none has an item of its own.
  const someGroups = new Map<string, { holders: Policy[]; items: string[] }>();
  for (const item of some) {
    const holders = policies.filter((_, i) => sets[i]?.has(item));
    const key = holders.map((p) => p.id).join("|");
    const group = someGroups.get(key) ?? { holders, items: [] };
    group.items.push(item);
    someGroups.set(key, group);
  }
  const someText = [...someGroups.values()].map(
    (g) =>
      `${names(g.holders)} ${shared.length > 0 ? "also " : ""}share ${g.items.length} (${named(g.items, 2)})`,
  );
  const noneAlone =
    policies.length > 2 && aloneText.length === 0 && shared.length < all.length
      ? [`none has any ${noun.many} of its own`]
      : [];
  const details: AnswerSection[] = [
    { name: `Shared by all (${shared.length})`, value: bullets(shared) },
  ];
  for (const a of alone) {
    details.push({
      name: `Only ${a.policy.short_name} (${a.items.length})`,
      value: bullets(a.items),
    });
  }
  if (some.length > 0) {
    details.push({
      name: `In some (${some.length})`,
      value: some
        .map(
          (item) =>
            `• ${item} — ${policies
              .filter((_, i) => sets[i]?.has(item))
              .map((p) => p.short_name)
              .join(", ")}`,
        )
        .join("\n"),
    });
  }
  return {
    text: joinClauses([sharedText, ...aloneText, ...someText, ...noneAlone]),
    details,
  };
}

function byValue(
  policies: readonly Policy[],
  key: (p: Policy) => string,
  sentence: (value: string, group: Policy[]) => string,
  detail: (p: Policy) => string,
): CompareBody {
  const parts = groupBy(policies, key).map(([value, group]) => sentence(value, group));
  return {
    text: joinClauses(parts),
    details: policies.map((p) => ({ name: p.short_name, value: detail(p) })),
  };
}

function compareField(policies: readonly Policy[], field: PolicyField): CompareBody {
  const isAre = (group: Policy[]): string => (group.length > 1 ? "are" : "is");
  switch (field) {
    case "start_year":
      return startYears(policies);
    case "end_year":
      return endYears(policies);
    case "budget":
      return budgets(policies);
    case "objectives":
      return sharedAndAlone(policies, (p) => p.objectives.items, OBJECTIVES);
    case "beneficiaries":
      return sharedAndAlone(policies, (p) => p.beneficiaries.items, BENEFICIARIES);
    case "eu_alignment":
      return euAlignment(policies);
    case "instruments":
      return instruments(policies);
    case "type":
      return byValue(
        policies,
        (p) => p.type.kind,
        (_, group) => {
          const lead = group[0];
          const kind = lead ? kindText(lead) : "";
          const plural = kind.replace(/policy\b/, "policies");
          return `${capitalise(names(group))} ${isAre(group)} ${group.length > 1 ? plural : `a ${kind}`}`;
        },
        (p) => p.type.label,
      );
    case "evaluation":
      return byValue(
        policies,
        (p) => p.evaluation.status,
        (_, group) => {
          const first = group[0];
          const phrase = first ? evaluationText(first) : "";
          return `${capitalise(names(group))} ${
            group.length > 1
              ? phrase
                  .replace(/^is /, "are ")
                  .replace(/^has /, "have ")
                  .replace("while it runs", "while they run")
              : phrase
          }`;
        },
        (p) => `${p.evaluation.label}: ${p.evaluation.results}`,
      );
    case "focus": {
      const scopes = byValue(
        policies,
        (p) => p.focus.scope,
        (scope, group) =>
          `${capitalise(names(group))} ${isAre(group)} ${
            group.length === 2 ? "both " : group.length > 2 ? "all " : ""
          }${scope}`,
        (p) =>
          `${p.focus.scope}: ${
            p.focus.sectors.length > 0 ? sectorsPhrase(p, p.focus.sectors.join(", ")) : p.focus.text
          }`,
      );
      const sectors = policies
        .filter((p) => p.focus.sectors.length > 0)
        .map((p) => `${policyName(p)} covers ${sectorsPhrase(p, named(p.focus.sectors))}`);
      return {
        text: `${scopes.text.replace(/\.$/, "")}${sectors.length > 0 ? `: ${sectors.join("; ")}` : ""}.`,
        details: scopes.details,
      };
    }
    case "authorities": {
      const body = sharedAndAlone(policies, (p) => p.authorities.roles, AUTHORITY_ROLES);
      return {
        text: joinClauses(
          policies.map(
            (p) =>
              `${capitalise(policyName(p))}: ${
                joinAnd(p.authorities.bodies.map(inSentence)) || "bodies not named"
              }`,
          ),
        ),
        details: [
          ...policies.map((p) => ({ name: p.short_name, value: p.authorities.text })),
          ...body.details,
        ],
      };
    }
    case "funding_source":
      return {
        text: joinClauses(
          policies.map((p) => {
            const qualification = p.funding_source.qualification;
            return `${capitalise(policyName(p))}: ${lowerFirst(p.funding_source.text)}${
              qualification
                ? ` (but the source adds: “${qualification.text.replace(/[.]$/, "")}”)`
                : ""
            }`;
          }),
        ),
        details: policies.map((p) => ({ name: p.short_name, value: fundingValue(p) })),
      };
    case "summary":
      return {
        text: policies.map(summaryLead).join(" "),
        details: policies.map((p) => ({ name: p.short_name, value: p.summary.text })),
      };
  }
}

const OBJECTIVES: Noun = { one: "objective", many: "objectives" };
const BENEFICIARIES: Noun = { one: "beneficiary group", many: "beneficiary groups" };
const INSTRUMENTS: Noun = { one: "instrument", many: "instruments" };
const EU_PRIORITIES: Noun = { one: "EU priority", many: "EU priorities" };
const AUTHORITY_ROLES: Noun = { one: "authority role", many: "authority roles" };

/**
 * Which EU priorities each policy is aligned with, named, and what all share; the source's
 * layout makes some readings uncertain, and the answer says so whenever the data notes it.
 */
function euAlignment(policies: readonly Policy[]): CompareBody {
  const body = sharedAndAlone(policies, (p) => p.eu_alignment.items, EU_PRIORITIES);
  const each = policies.map((p, i) => {
    // The EU's priorities are names ("Social inclusion"), written as the data has them.
    const items: readonly string[] = p.eu_alignment.items;
    const what =
      items.length === 0
        ? "no EU priority"
        : i === 0
          ? `the EU ${items.length === 1 ? "priority" : "priorities"} ${joinAnd(items)}`
          : joinAnd(items);
    return i === 0
      ? `${capitalise(policyName(p))} is aligned with ${what}`
      : `${policyName(p)} with ${what}`;
  });
  const sets = policies.map((p) => new Set<string>(p.eu_alignment.items));
  const shared = [...(sets[0] ?? [])].filter((item) => sets.every((set) => set.has(item)));
  const sharedText =
    shared.length > 0
      ? `${policies.length === 2 ? "both" : "all"} share ${joinAnd(shared)}`
      : `no priority is shared by ${policies.length === 2 ? "both" : "all"}`;
  return {
    text: `${each.join("; ")}; ${sharedText}.`,
    details: body.details,
  };
}

const INSTRUMENT_KINDS = [
  { name: "financial", items: (p: Policy) => p.instruments.financial },
  { name: "technical assistance", items: (p: Policy) => p.instruments.technical_assistance },
  // Items outside the fixed list ("Others") are instruments too: a policy listing only those
  // is not said to have none.
  { name: "other", items: (p: Policy) => p.instruments.others },
] as const;

/**
 * Instruments compared on what they are, whatever heading each policy lists them under; an
 * item listed under different headings is pointed out.
 */
function instruments(policies: readonly Policy[]): CompareBody {
  const itemsOf = (p: Policy): string[] => INSTRUMENT_KINDS.flatMap((k) => [...k.items(p)]);
  const body = sharedAndAlone(policies, itemsOf, INSTRUMENTS);
  const kindOf = (p: Policy, item: string): string =>
    INSTRUMENT_KINDS.find((k) => new Set<string>(k.items(p)).has(item))?.name ?? "other";
  const differing = unique(policies.flatMap(itemsOf)).flatMap((item) => {
    const holders = policies.filter((p) => itemsOf(p).includes(item));
    const kinds = groupBy(holders, (p) => kindOf(p, item));
    if (kinds.length < 2) return [];
    return [
      `• ${item} — ${kinds.map(([kind, group]) => `${kind} for ${names(group)}`).join("; ")}`,
    ];
  });
  const note =
    differing.length === 0
      ? ""
      : `; ${differing.length === 1 ? "one item is" : `${differing.length} items are`} listed as financial by some and as technical assistance by others`;
  return {
    text: body.text.replace(/\.$/, `${note}.`),
    details: [
      ...body.details,
      ...(differing.length > 0
        ? [{ name: "Listed under different headings", value: differing.join("\n") }]
        : []),
    ],
  };
}

function keyFacts(policies: readonly Policy[]): CompareBody {
  const years = startYears(policies);
  const types = compareField(policies, "type");
  const objectives = sharedAndAlone(policies, (p) => p.objectives.items, OBJECTIVES);
  return {
    text: `${types.text} ${years.text}`,
    details: [
      ...policies.map((p) => ({
        name: p.short_name,
        value: [
          `Type: ${p.type.label}`,
          `Period: ${periodText(p)}`,
          `Budget: ${budgetSummary(p)}`,
          `Evaluation: ${p.evaluation.label}`,
        ].join("\n"),
        inline: true,
      })),
      { name: "Objectives", value: withUncertainReading(objectives.text, policies, "objectives") },
    ],
  };
}

/** What the key facts show: the card's facts (but the summary) and the objectives. */
const KEY_FACT_FIELDS: readonly PolicyField[] = [
  ...CARD_FIELDS.filter((f) => f !== "summary"),
  "objectives",
];

/**
 * "…; the source's layout makes the reading of the Greater Bay Area plan's objectives
 * uncertain (see the notes)", when the data marks a compared reading as uncertain.
 */
function withUncertainReading(
  text: string,
  policies: readonly Policy[],
  field: PolicyField,
): string {
  const uncertain = policies.filter((p) => p[field].uncertain === true);
  if (uncertain.length === 0) return text;
  const whose =
    uncertain.length === policies.length && policies.length > 1
      ? `of ${uncertain.length === 2 ? "both" : "all"} policies' ${FIELD_TITLES[field]}`
      : `of ${joinAnd(uncertain.map((p) => `${policyName(p)}'s`))} ${FIELD_TITLES[field]}`;
  return `${text.replace(/[.]$/, "")}; the source's layout makes the reading ${whose} uncertain (see the notes).`;
}

/** Every compared policy's notes on the fields the view shows, each naming its policy. */
function compareNotes(
  policies: readonly Policy[],
  fields: readonly PolicyField[],
): AnswerSection[] {
  return noteSections(
    fields.flatMap((field) =>
      policies.flatMap((p) => fieldNotes(p, field, `${p.short_name} (${FIELD_TITLES[field]})`)),
    ),
  );
}

export function compareAnswer(
  country: Country,
  unordered: readonly Policy[],
  field: PolicyField | null,
): Answer {
  // Oldest first: every comparison reads in the same, chronological order.
  const policies = [...unordered].sort(
    (a, b) => a.start_year.value - b.start_year.value || a.id.localeCompare(b.id),
  );
  const body = field === null ? keyFacts(policies) : compareField(policies, field);
  const fields = field === null ? KEY_FACT_FIELDS : FIELDS_SHOWN[field];
  const qualifications = fields.includes("funding_source")
    ? policies.flatMap((p) => p.funding_source.qualification?.source ?? [])
    : [];
  const sources = unique([
    ...policies.flatMap((p) => fields.map((f) => sourceLine(country, p[f].source))),
    ...qualifications.map((section) => sourceLine(country, section)),
  ]);
  const ids = policies.map((p) => p.id).sort();
  const shortNames = policies.map((p) => p.short_name);
  const withPeriods = field === null || field === "start_year" || field === "end_year";
  const nextFields: PolicyField[] = ["start_year", "budget", "objectives", "evaluation"];
  const first = policies[0];
  const second = policies[1];
  const suggestions =
    first && second
      ? nextFields
          .filter((f) => f !== field)
          .slice(0, 3)
          .map(
            (f) =>
              `compare ${first.short_name} and ${second.short_name} ${FIELD_QUESTION_WORDS[f]}`,
          )
      : [];
  return {
    kind: "compare",
    country: country.id,
    policies: ids,
    field,
    title: `${shortNames.join(" vs ")}${field ? ` — ${FIELD_TITLES[field]}` : ""}`,
    text: field === null ? body.text : withUncertainReading(body.text, policies, field),
    details: [...body.details, ...compareNotes(policies, fields)],
    sources,
    suggestions,
    ...(withPeriods ? { periods: policies.map(periodRow) } : {}),
  };
}
