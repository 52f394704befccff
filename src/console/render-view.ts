import type { ReplyView } from "../command-api.ts";
import { POLICY_FIELDS } from "../dataset/schema.ts";
import { t, type Locale } from "../i18n/catalog.ts";
import { renderAnswerText } from "../render/text.ts";

export interface ViewTextOptions {
  color: boolean;
  /** Terminal width to wrap at; the text renderer's default when absent. */
  width?: number;
  /** Where the reply's picture was written, to print instead of attaching it. */
  chartPath?: string | null;
  /** Console-only lines to add (e.g. how to leave, under /help). */
  notes?: readonly string[];
  /** The reader's language (a question written in Chinese); English by default. */
  locale?: Locale;
  /** The reader's names of policies and countries, put beside the English ones in headings. */
  localNames?: ReadonlyMap<string, string>;
}

const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** Splits a line at spaces to fit the width; continuation lines are indented. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * A command's reply as terminal text: the answer through the shared text renderer, plus what
 * Discord shows as attachments and components, said in console terms: the chart's file, the
 * section menu as the command to type, suggestion buttons as questions to try. These go
 * above the sources line, which stays last.
 */
export function renderViewText(view: ReplyView, options: ViewTextOptions): string {
  const locale = view.locale ?? options.locale ?? "en";
  const textOptions = {
    color: options.color,
    locale,
    ...(options.localNames ? { localNames: options.localNames } : {}),
    ...(options.width !== undefined ? { width: options.width } : {}),
  };
  const dim = (text: string): string => (options.color ? `${DIM}${text}${RESET}` : text);
  const { answer } = view;

  const extras: string[] = [];
  if (options.chartPath) extras.push(t(locale, "ui.chartFile", { path: options.chartPath }));
  if (view.sectionMenu) {
    const others = POLICY_FIELDS.filter((field) => field !== view.sectionMenu?.current);
    const lead = `More: /policy ${view.sectionMenu.policy} <section>, with section one of`;
    extras.push(...wrapWords(`${lead} ${others.join(", ")}`, options.width ?? 100).map(dim));
  }
  const shown: readonly string[] = answer.suggestions;
  const buttons = (view.suggestionButtons ?? []).filter((text) => !shown.includes(text));
  if (buttons.length > 0) {
    extras.push(
      dim(t(locale, "ui.try", { questions: buttons.map((text) => `“${text}”`).join(" · ") })),
    );
  }
  extras.push(...(options.notes ?? []).map(dim));

  const full = renderAnswerText(answer, textOptions);
  if (extras.length === 0) return full;
  if (answer.kind === "answer" || answer.kind === "compare") {
    // The renderer appends the sources line last; cut it off to put the extras above it.
    const withoutSources = renderAnswerText({ ...answer, sources: [] }, textOptions);
    if (full.startsWith(withoutSources)) {
      const sourcesTail = full.slice(withoutSources.length);
      return `${withoutSources}\n${extras.join("\n")}${sourcesTail}`;
    }
  }
  return `${full}\n${extras.join("\n")}`;
}
