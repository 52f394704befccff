import type { Answer, AnswerSection, ScoreRow } from "../answers/types.ts";
import { t, type Locale } from "../i18n/catalog.ts";
import { localLabel, localTitle } from "./localize.ts";

/**
 * An Answer as plain terminal text: heading, the direct sentence, details as aligned lines,
 * score bars, suggestions, and the sources line last. ANSI colour only when asked for, so piped
 * output and files stay clean.
 */

export interface TextRenderOptions {
  color: boolean;
  /** Wrap long lines at this many columns. */
  width?: number;
  /** The language of headings and labels (the facts stay in English); English by default. */
  locale?: Locale;
  /** The reader's names of policies and countries, put beside the English ones in headings. */
  localNames?: ReadonlyMap<string, string>;
}

const ANSI = { bold: "\u001b[1m", dim: "\u001b[2m", green: "\u001b[32m", reset: "\u001b[0m" };
const MAX_LABEL = 32;
const BAR_WIDTH = 10;

function style(on: boolean, code: string, text: string): string {
  return on ? `${code}${text}${ANSI.reset}` : text;
}

/** Word-wraps one paragraph; words longer than the width (addresses) stay whole. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      if (line === "") line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Chinese characters take two terminal columns. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uff60]/u;

function columns(text: string): number {
  let count = 0;
  for (const char of text) count += WIDE.test(char) ? 2 : 1;
  return count;
}

/** `text` padded with spaces to `width` terminal columns. */
function padColumns(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - columns(text)));
}

function detailLines(details: readonly AnswerSection[], width: number, color: boolean): string[] {
  if (details.length === 0) return [];
  const labelWidth = Math.min(MAX_LABEL, Math.max(...details.map((d) => columns(d.name))));
  const valueWidth = Math.max(30, width - labelWidth - 4);
  const out: string[] = [];
  for (const detail of details) {
    const label =
      columns(detail.name) > labelWidth ? `${detail.name.slice(0, labelWidth - 1)}…` : detail.name;
    const valueLines = wrap(detail.value, valueWidth);
    valueLines.forEach((line, i) => {
      const head =
        i === 0 ? style(color, ANSI.bold, padColumns(label, labelWidth)) : " ".repeat(labelWidth);
      out.push(`  ${head}  ${line}`.trimEnd());
    });
  }
  return out;
}

export function scoreBar(score: number, max: number): string {
  const filled = max > 0 ? Math.round((Math.min(score, max) / max) * BAR_WIDTH) : 0;
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function scoreLines(scores: readonly ScoreRow[], width: number, color: boolean): string[] {
  const labelWidth = Math.min(MAX_LABEL + 6, Math.max(...scores.map((s) => columns(s.label))));
  const out: string[] = [];
  for (const row of scores) {
    const label =
      columns(row.label) > labelWidth ? `${row.label.slice(0, labelWidth - 1)}…` : row.label;
    const figure = `${formatScore(row.score)} / ${formatScore(row.max)}`;
    out.push(
      `  ${padColumns(label, labelWidth)}  ${style(color, ANSI.green, scoreBar(row.score, row.max))}  ${figure}`,
    );
    for (const line of wrap(row.reason, Math.max(30, width - 6))) out.push(`      ${line}`);
  }
  return out;
}

export function renderAnswerText(answer: Answer, options: TextRenderOptions): string {
  const width = options.width ?? 100;
  const { color } = options;
  const locale = options.locale ?? "en";
  if (answer.kind === "clarify" || answer.kind === "none") {
    const lines = wrap(answer.text, width);
    if (answer.suggestions.length > 0) {
      lines.push(t(locale, answer.kind === "clarify" ? "ui.didYouMeanList" : "ui.tryList"));
      for (const suggestion of answer.suggestions) lines.push(`  • ${suggestion}`);
    }
    return lines.join("\n");
  }
  const title = localTitle(answer, locale, options.localNames);
  const lines: string[] = [style(color, ANSI.bold, title), ...wrap(answer.text, width)];
  if (answer.scores && answer.scores.length > 0) {
    const scores = answer.scores.map((row) => ({ ...row, label: localLabel(row.label, locale) }));
    lines.push("", ...scoreLines(scores, width, color));
  }
  const labelled = answer.details.map((detail) => ({
    ...detail,
    name: localLabel(detail.name, locale),
  }));
  const details = detailLines(labelled, width, color);
  if (details.length > 0) lines.push("", ...details);
  if (answer.suggestions.length > 0) {
    lines.push(
      "",
      style(
        color,
        ANSI.dim,
        t(locale, "ui.try", { questions: answer.suggestions.map((s) => `“${s}”`).join(" · ") }),
      ),
    );
  }
  if (answer.sources.length > 0) {
    lines.push(
      style(color, ANSI.dim, t(locale, "ui.sources", { sources: answer.sources.join("; ") })),
    );
  }
  return lines.join("\n");
}
