import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from "discord.js";
import type { Answer, AnswerSection, ScoreRow } from "../answers/types.ts";
import type { ReplyView } from "../command-api.ts";
import { POLICY_FIELDS } from "../dataset/schema.ts";
import { t, type Locale } from "../i18n/catalog.ts";
import { localLabel, localTitle, type BodyAnswer } from "./localize.ts";
import { DISCORD_LIMITS, ELLIPSIS, isBlank, nonBlank, truncate, wellFormed } from "./limits.ts";
import {
  CARD_SECTION_VALUE,
  sectionMenuCustomId,
  shareCustomId,
  suggestionCustomId,
} from "./suggestion-ids.ts";

export type MessageActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface ReplyFile {
  attachment: Buffer;
  name: string;
  description?: string;
}

/** A reply as discord.js sends it: fits every Discord limit and can ping nobody. */
export interface DiscordReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: MessageActionRow[];
  files: ReplyFile[];
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
}

/** Draws an answer as a PNG (the charts module); null when it has nothing to draw. */
export type ChartRenderer = (
  kind: "maturity" | "timeline",
  answer: Answer,
  locale: Locale,
) => Buffer | null;

export interface RenderOptions {
  renderChart?: ChartRenderer;
  /** The reader's language for what the bot itself says (labels, headings); English by default. */
  locale?: Locale;
  /** English policy and country names → names in the reader's language, shown beside them. */
  localNames?: ReadonlyMap<string, string>;
}

const ANSWER_COLOUR = 0x2f6fb0;

const MAX_SUGGESTION_BUTTONS = 10;

/** Discord's limit on an attachment's description (its alt text). */
const ATTACHMENT_DESCRIPTION = 1024;

/** A ReplyView → the message payload; every reply from a command goes through here. */
export function renderReplyView(view: ReplyView, options: RenderOptions = {}): DiscordReplyPayload {
  const { answer } = view;
  const locale = view.locale ?? options.locale ?? "en";
  const components: MessageActionRow[] = [];
  const menu = view.sectionMenu ? sectionMenuRow(view.sectionMenu, locale) : null;
  if (menu) components.push(menu);
  if (view.shareQuestion !== undefined) {
    components.push(shareButtonRow(view.shareQuestion, t(locale, "ui.share")));
  }
  const defaultButtons =
    answer.kind === "clarify" || answer.kind === "none" ? answer.suggestions : [];
  components.push(...suggestionButtonRows(view.suggestionButtons ?? defaultButtons));

  if (answer.kind === "clarify" || answer.kind === "none") {
    // The question back is the engine's (English); the choices under it are introduced in the
    // reader's language when that is not English.
    const lead =
      answer.kind === "clarify" && locale !== "en" && components.length > 0
        ? `\n${t(locale, "ui.didYouMeanList")}`
        : "";
    const hint = answer.kind === "none" ? `\n${t(locale, "ui.helpHint")}` : lead;
    return safeReplyPayload({
      content: truncate(answer.text, DISCORD_LIMITS.message.content - hint.length) + hint,
      components,
      ephemeral: view.ephemeral,
      locale,
    });
  }

  const embed = answerEmbed(answer, locale, options.localNames);
  const files: ReplyFile[] = (view.files ?? []).map((file) => ({
    attachment: file.data,
    name: file.name,
    ...(file.description
      ? { description: truncate(file.description, ATTACHMENT_DESCRIPTION) }
      : {}),
  }));
  const png =
    view.image && options.renderChart ? options.renderChart(view.image, answer, locale) : null;
  if (png && view.image) {
    const name = `${view.image}.png`;
    files.push({ attachment: png, name });
    embed.image = { url: `attachment://${name}` };
  }
  return safeReplyPayload({
    embeds: [embed],
    components,
    files,
    ephemeral: view.ephemeral,
    locale,
  });
}

/**
 * The answer's sentence, then its notes on the data: a caveat goes with the fact it qualifies,
 * so notes sit in the description, which the size limits cut last. Notes that would take the
 * description past its limit lead the fields instead, which are cut from the end.
 */
function answerEmbed(
  answer: BodyAnswer,
  locale: Locale,
  localNames?: ReadonlyMap<string, string>,
): APIEmbed {
  const notes = answer.details.filter((detail) => detail.note === true);
  let description = answer.text;
  const overflowNotes: AnswerSection[] = [];
  for (const note of notes) {
    const line = `\n\n**${localLabel(note.name, locale)}:** ${note.value}`;
    if (
      overflowNotes.length === 0 &&
      description.length + line.length <= DISCORD_LIMITS.embed.description
    ) {
      description += line;
    } else overflowNotes.push(note);
  }
  const fields: APIEmbedField[] = [];
  for (const note of overflowNotes) {
    fields.push(...sectionFields({ ...note, name: localLabel(note.name, locale) }, locale));
  }
  if (answer.scores && answer.scores.length > 0) {
    fields.push(
      ...sectionFields(
        { name: localLabel("Maturity scores", locale), value: scoreLines(answer.scores, locale) },
        locale,
      ),
    );
  }
  for (const detail of answer.details) {
    if (detail.note !== true) {
      fields.push(...sectionFields({ ...detail, name: localLabel(detail.name, locale) }, locale));
    }
  }
  const embed: APIEmbed = {
    color: ANSWER_COLOUR,
    title: localTitle(answer, locale, localNames),
    description,
    fields,
  };
  const sources = sourcesLine(answer.sources, locale);
  if (sources) embed.footer = { text: sources };
  return embed;
}

const PATH_SEPARATOR = " › ";

/**
 * "Source: Country factsheet: China › …", with the part several sources share said once:
 * "Sources: Country factsheet: China › National cluster policy › BUDGET · HISTORY".
 */
export function sourcesLine(sources: readonly string[], locale: Locale = "en"): string {
  const unique = [...new Set(sources.map((source) => source.trim()).filter((s) => !isBlank(s)))];
  if (unique.length === 0) return "";
  if (unique.length === 1) return t(locale, "ui.source", { sources: unique[0] ?? "" });
  const paths = unique.map((source) => source.split(PATH_SEPARATOR));
  const shortest = Math.min(...paths.map((path) => path.length));
  let shared = 0;
  while (shared < shortest - 1 && paths.every((path) => path[shared] === paths[0]?.[shared])) {
    shared += 1;
  }
  const head = paths[0]?.slice(0, shared) ?? [];
  const tails = paths.map((path) => path.slice(shared).join(PATH_SEPARATOR));
  return t(locale, "ui.sources", { sources: [...head, tails.join(" · ")].join(PATH_SEPARATOR) });
}

/** One line per dimension: bar, score of maximum, reason; then the total. */
export function scoreLines(scores: readonly ScoreRow[], locale: Locale = "en"): string {
  const lines = scores.map(
    (row) =>
      `${scoreBar(row.score, row.max)} **${localLabel(row.label, locale)}** ${formatScore(row.score)}/${formatScore(row.max)}` +
      (isBlank(row.reason) ? "" : ` — ${row.reason}`),
  );
  const total = scores.reduce((sum, row) => sum + row.score, 0);
  const max = scores.reduce((sum, row) => sum + row.max, 0);
  // The factsheet prints the scores, not their sum: the total is said to be ours.
  lines.push(
    `**${t(locale, "ui.total")}** ${formatScore(total)}/${formatScore(max)} ${t(locale, "ui.sumOfScores")}`,
  );
  return lines.join("\n");
}

/** A text bar with one cell per half point when that is short enough (1.5 of 2 → ▰▰▰▱). */
export function scoreBar(score: number, max: number): string {
  const halfPoints = max * 2;
  const cells =
    Number.isInteger(halfPoints) && halfPoints >= 1 && halfPoints <= 12 ? halfPoints : 10;
  const ratio = max > 0 ? Math.min(1, Math.max(0, score / max)) : 0;
  const filled = Math.round(ratio * cells);
  return "▰".repeat(filled) + "▱".repeat(cells - filled);
}

function formatScore(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A section too long for one field continues in the next fields rather than being cut. */
function sectionFields(section: AnswerSection, locale: Locale): APIEmbedField[] {
  const continued = t(locale, "ui.continued");
  const name = nonBlank(section.name);
  const chunks = splitText(nonBlank(section.value), DISCORD_LIMITS.embed.fieldValue);
  return chunks.map((value, index) => ({
    name:
      index === 0
        ? truncate(name, DISCORD_LIMITS.embed.fieldName)
        : truncate(name, DISCORD_LIMITS.embed.fieldName - continued.length) + continued,
    value,
    inline: section.inline ?? false,
  }));
}

/** Splits at line breaks, then spaces, then anywhere (never inside a surrogate pair). */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const chunk = rest.slice(0, cut).trimEnd();
    if (!isBlank(chunk)) chunks.push(chunk);
    rest = rest.slice(cut).replace(/^[\n ]+/, "");
  }
  if (!isBlank(rest) || chunks.length === 0) chunks.push(nonBlank(rest));
  return chunks;
}

function sectionMenuRow(
  menu: NonNullable<ReplyView["sectionMenu"]>,
  locale: Locale,
): MessageActionRow | null {
  const customId = sectionMenuCustomId(menu.policy);
  if (!customId) return null;
  const options: APISelectMenuOption[] = [
    {
      label: t(locale, `section.${CARD_SECTION_VALUE}`),
      value: CARD_SECTION_VALUE,
      default: menu.current === null,
    },
    ...POLICY_FIELDS.map((field) => ({
      label: t(locale, `section.${field}`),
      value: field,
      default: menu.current === field,
    })),
  ];
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: t(locale, "ui.sectionPlaceholder"),
    options,
  };
  return { type: ComponentType.ActionRow, components: [select] };
}

function shareButtonRow(question: string, label: string): MessageActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: shareCustomId(question),
        label,
      },
    ],
  };
}

function suggestionButtonRows(suggestions: readonly string[]): MessageActionRow[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const suggestion of suggestions) {
    const text = suggestion.trim();
    if (isBlank(text)) continue;
    const customId = suggestionCustomId(text);
    if (seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: customId,
      label: truncate(text, DISCORD_LIMITS.button.label),
    });
    if (buttons.length === MAX_SUGGESTION_BUTTONS) break;
  }
  const rows: MessageActionRow[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.button.perRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_LIMITS.button.perRow),
    });
  }
  return rows;
}

export interface ReplyParts {
  content?: string;
  embeds?: readonly APIEmbed[];
  components?: readonly MessageActionRow[];
  files?: readonly ReplyFile[];
  ephemeral?: boolean;
  locale?: Locale;
}

/**
 * The last step of every reply (answers, errors, hints): clamps content, embeds and components
 * to Discord's limits and turns off every mention, whatever the text contains.
 */
export function safeReplyPayload(parts: ReplyParts): DiscordReplyPayload {
  const locale = parts.locale ?? "en";
  const embeds = fitEmbeds((parts.embeds ?? []).map(wellFormedEmbed), locale);
  const components = fitComponents((parts.components ?? []).map(wellFormedRow));
  const files = [...(parts.files ?? [])];
  const payload: DiscordReplyPayload = {
    embeds,
    components,
    files,
    allowedMentions: { parse: [] },
  };
  const content =
    parts.content === undefined || isBlank(parts.content)
      ? ""
      : truncate(wellFormed(parts.content), DISCORD_LIMITS.message.content);
  if (content) payload.content = content;
  else if (embeds.length === 0 && files.length === 0)
    payload.content = t(locale, "ui.nothingToShow");
  if (parts.ephemeral) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

function wellFormedEmbed(source: APIEmbed): APIEmbed {
  const embed: APIEmbed = { ...source };
  if (source.title !== undefined) embed.title = wellFormed(source.title);
  if (source.description !== undefined) embed.description = wellFormed(source.description);
  if (source.footer) embed.footer = { ...source.footer, text: wellFormed(source.footer.text) };
  if (source.author) embed.author = { ...source.author, name: wellFormed(source.author.name) };
  if (source.fields) {
    embed.fields = source.fields.map((field) => ({
      ...field,
      name: wellFormed(field.name),
      value: wellFormed(field.value),
    }));
  }
  return embed;
}

function wellFormedRow(row: MessageActionRow): MessageActionRow {
  const components = row.components.map((component): APIComponentInMessageActionRow => {
    if (component.type === ComponentType.Button && "custom_id" in component) {
      return {
        ...component,
        custom_id: wellFormed(component.custom_id),
        ...(component.label === undefined ? {} : { label: wellFormed(component.label) }),
      };
    }
    if (component.type === ComponentType.StringSelect) {
      return {
        ...component,
        custom_id: wellFormed(component.custom_id),
        ...(component.placeholder === undefined
          ? {}
          : { placeholder: wellFormed(component.placeholder) }),
        options: component.options.map((option) => ({
          ...option,
          label: wellFormed(option.label),
          value: wellFormed(option.value),
          ...(option.description === undefined
            ? {}
            : { description: wellFormed(option.description) }),
        })),
      };
    }
    return component;
  });
  return { ...row, components };
}

/** The same payload without the ephemeral flag (message replies and in-place edits). */
export function withoutFlags(payload: DiscordReplyPayload): Omit<DiscordReplyPayload, "flags"> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** Characters Discord counts towards the 6000 total of a message. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += embed.footer?.text.length ?? 0;
  length += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

function fitEmbeds(embeds: readonly APIEmbed[], locale: Locale): APIEmbed[] {
  const fitted: APIEmbed[] = [];
  let budget = DISCORD_LIMITS.message.embedTotal;
  for (const embed of embeds.slice(0, DISCORD_LIMITS.message.embeds)) {
    if (budget <= 0) break;
    const one = fitEmbed(embed, budget, locale);
    // An embed with nothing to show does not make a message non-empty (Discord: 50006).
    if (!hasVisiblePart(one)) continue;
    budget -= embedLength(one);
    fitted.push(one);
  }
  return fitted;
}

function hasVisiblePart(embed: APIEmbed): boolean {
  return (
    embed.title !== undefined ||
    embed.description !== undefined ||
    (embed.fields?.length ?? 0) > 0 ||
    embed.footer !== undefined ||
    embed.author !== undefined ||
    embed.image !== undefined ||
    embed.thumbnail !== undefined
  );
}

const FOOTER_WHEN_CROWDED = 300;
/** Shortest useful remainder of a field value when trimming to the total. */
const MIN_KEPT_VALUE = 40;

function fitEmbed(source: APIEmbed, budget: number, locale: Locale): APIEmbed {
  const moreNotShown = (count: number): string => t(locale, "ui.moreNotShown", { count });
  const { embed: L } = DISCORD_LIMITS;
  const embed: APIEmbed = { ...source };
  setText(embed, "title", source.title, L.title);
  setText(embed, "description", source.description, L.description);
  if (source.footer) {
    const text = isBlank(source.footer.text) ? "" : truncate(source.footer.text, L.footer);
    if (text) embed.footer = { ...source.footer, text };
    else delete embed.footer;
  }
  if (source.author) {
    embed.author = { ...source.author, name: nonBlank(truncate(source.author.name, L.author)) };
  }
  let fields = (source.fields ?? []).map((field) => ({
    ...field,
    name: nonBlank(truncate(field.name, L.fieldName)),
    value: nonBlank(truncate(field.value, L.fieldValue)),
  }));
  let omitted = 0;
  if (fields.length > L.fields) {
    omitted = fields.length - (L.fields - 1);
    fields = fields.slice(0, L.fields - 1);
  }
  embed.fields = fields;

  let overflow = embedLength(embed) - budget;
  if (overflow > 0 && embed.footer && embed.footer.text.length > FOOTER_WHEN_CROWDED) {
    embed.footer = { ...embed.footer, text: truncate(embed.footer.text, FOOTER_WHEN_CROWDED) };
    overflow = embedLength(embed) - budget;
  }
  // Room kept for the "N more not shown." marker once anything is left out.
  const markerRoom = () =>
    omitted > 0 ? ELLIPSIS.length + moreNotShown(omitted + fields.length).length : 0;
  overflow = embedLength(embed) + markerRoom() - budget;
  while (overflow > 0 && fields.length > 0) {
    const last = fields[fields.length - 1];
    if (last && last.value.length - overflow >= MIN_KEPT_VALUE) {
      fields[fields.length - 1] = {
        ...last,
        value: truncate(last.value, last.value.length - overflow),
      };
    } else {
      fields.pop();
      omitted += 1;
    }
    overflow = embedLength(embed) + markerRoom() - budget;
  }
  if (omitted > 0) {
    const marker = { name: ELLIPSIS, value: moreNotShown(omitted) };
    if (
      fields.length < L.fields &&
      embedLength(embed) + marker.name.length + marker.value.length <= budget
    ) {
      fields.push(marker);
    }
  }
  for (const key of ["description", "footer", "title"] as const) {
    overflow = embedLength(embed) - budget;
    if (overflow <= 0) break;
    if (key === "footer") {
      if (!embed.footer) continue;
      const text = truncate(embed.footer.text, Math.max(0, embed.footer.text.length - overflow));
      if (!isBlank(text)) embed.footer = { ...embed.footer, text };
      else delete embed.footer;
    } else {
      const current = embed[key];
      if (current) setText(embed, key, current, Math.max(0, current.length - overflow));
    }
  }
  if (embed.fields.length === 0) delete embed.fields;
  return embed;
}

function setText(
  embed: APIEmbed,
  key: "title" | "description",
  text: string | undefined,
  max: number,
): void {
  const cut = text === undefined || isBlank(text) ? "" : truncate(text, max);
  if (!isBlank(cut)) embed[key] = cut;
  else delete embed[key];
}

function fitComponents(rows: readonly MessageActionRow[]): MessageActionRow[] {
  const { button: B, select: S } = DISCORD_LIMITS;
  const seenIds = new Set<string>();
  const uniqueId = (id: string, max: number): boolean => {
    if (id.length === 0 || id.length > max || seenIds.has(id)) return false;
    seenIds.add(id);
    return true;
  };
  const fitted: MessageActionRow[] = [];
  for (const row of rows) {
    if (fitted.length === DISCORD_LIMITS.message.actionRows) break;
    const kept: APIComponentInMessageActionRow[] = [];
    for (const component of row.components) {
      if (component.type === ComponentType.Button) {
        if (kept.length === B.perRow) break;
        if (!("custom_id" in component)) {
          kept.push(component);
          continue;
        }
        if (!uniqueId(component.custom_id, B.customId)) continue;
        kept.push(
          component.label === undefined
            ? component
            : { ...component, label: nonBlank(truncate(component.label, B.label)) },
        );
      } else if (component.type === ComponentType.StringSelect) {
        // A select menu fills its row on its own.
        if (kept.length > 0 || !uniqueId(component.custom_id, S.customId)) continue;
        const values = new Set<string>();
        const options = component.options
          .filter((option) => {
            const ok = option.value.length >= 1 && option.value.length <= S.optionValue;
            if (!ok || values.has(option.value)) return false;
            values.add(option.value);
            return true;
          })
          .slice(0, S.options)
          .map((option) => {
            const fittedOption: APISelectMenuOption = {
              ...option,
              label: nonBlank(truncate(option.label, S.optionLabel)),
            };
            if (option.description !== undefined) {
              fittedOption.description = nonBlank(
                truncate(option.description, S.optionDescription),
              );
            }
            return fittedOption;
          });
        if (options.length === 0) continue;
        // A menu may preselect at most max_values options (one, by default).
        let defaults = component.max_values ?? 1;
        for (const [index, option] of options.entries()) {
          if (!option.default) continue;
          if (defaults > 0) defaults -= 1;
          else options[index] = { ...option, default: false };
        }
        kept.push({
          ...component,
          options,
          ...(component.placeholder === undefined
            ? {}
            : { placeholder: truncate(component.placeholder, S.placeholder) }),
        });
        break;
      } else if (kept.length === 0) {
        kept.push(component);
        break;
      }
    }
    if (kept.length > 0) fitted.push({ ...row, components: kept });
  }
  return fitted;
}

/** Autocomplete choices as Discord accepts them: at most 25, names 1–100, values 1–100. */
export function fitAutocompleteChoices(
  choices: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const { autocomplete: A } = DISCORD_LIMITS;
  const fitted: { name: string; value: string }[] = [];
  const values = new Set<string>();
  for (const choice of choices) {
    if (fitted.length === A.choices) break;
    if (choice.value.length < 1 || choice.value.length > A.valueMax || values.has(choice.value)) {
      continue;
    }
    values.add(choice.value);
    const value = wellFormed(choice.value);
    fitted.push({ name: nonBlank(truncate(wellFormed(choice.name), A.nameMax), value), value });
  }
  return fitted;
}
