import type { Answer } from "../answers/types.ts";
import type { ReplyView } from "../command-api.ts";
import type { Country } from "../dataset/schema.ts";
import { deepFreeze } from "../engine-memo.ts";
import type { Locale } from "../i18n/catalog.ts";
import { chartKey } from "../render/charts/chart-key.ts";
import {
  renderReplyView,
  type DiscordReplyPayload,
  type RenderOptions,
} from "../render/discord.ts";
import {
  chartWorker,
  ChartsUnavailableError,
  type ChartWorker,
} from "../render/charts/worker-pool.ts";
import { localNamesOf } from "../render/localize.ts";
import type { Logger } from "./log.ts";
import { markKeptCopy } from "./prepared-reply.ts";

/** Draws an answer's chart as a PNG without blocking the event loop; null when there is none. */
export type AsyncChartRenderer = (
  kind: "maturity" | "timeline",
  answer: Answer,
  locale?: Locale,
  localNames?: ReadonlyMap<string, string>,
) => Promise<Buffer | null>;

/** The same answer gets the same picture: repeated questions cost nothing. */
const CACHED_CHARTS = 64;

/**
 * Charts are a nicety: if the rasteriser cannot load or draw, answers go out without them. They
 * are drawn in a worker thread started on the first chart that ends when no chart has been asked
 * for a few seconds (src/render/charts/worker-pool.ts): resvg, its allocator's heaps and the fonts
 * are memory a bot whose charts are cached no longer needs.
 */
export function lazyChartRenderer(
  log: Logger,
  worker: ChartWorker = chartWorker(),
): AsyncChartRenderer {
  let warned = false;
  return cachedChartRenderer(async (kind, answer, locale, localNames) => {
    try {
      return await worker.render(kind, answer, {
        ...(locale ? { locale } : {}),
        ...(localNames ? { localNames } : {}),
      });
    } catch (error) {
      if (error instanceof ChartsUnavailableError) {
        // Once: every later chart is answered without its picture, and without a log line each.
        if (!warned) {
          warned = true;
          log.warn(
            "Charts are unavailable (the rasteriser did not load); answering without them.",
            error.cause,
          );
        }
        return null;
      }
      log.warn(`Could not draw the ${kind} chart; answering without it.`, error);
      return null;
    }
  });
}

/**
 * Remembers the last pictures by what they show. A picture still being drawn is shared too, so
 * a burst of the same question draws it once.
 */
export function cachedChartRenderer(
  render: AsyncChartRenderer,
  size = CACHED_CHARTS,
): AsyncChartRenderer {
  const cache = new Map<string, Promise<Buffer | null>>();
  return (kind, answer, locale = "en", localNames) => {
    // The year is part of the key: timelines mark "today". The language too: titles and axes.
    const key = `${new Date().getUTCFullYear()}\n${locale}\n${chartKey(kind, answer)}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const png = render(kind, answer, locale, localNames);
    cache.set(key, png);
    if (cache.size > size) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return png;
  };
}

/**
 * Payloads already rendered, by answer and by the rest of the view. Only answers the engine
 * remembers (frozen, shared, see src/engine-memo.ts) are looked up: an answer built afresh is a
 * new object that could never be found again. Held weakly, so a payload lives as long as the
 * engine keeps its answer, and memory stays bounded with it.
 */
const renderedPayloads = new WeakMap<object, Map<string, Promise<DiscordReplyPayload>>>();

/** The reader's language, and the dataset whose names are shown in it. */
export interface ReplyLanguage {
  /** The reader's language (Discord: the client's locale); a view's own locale wins. */
  locale?: Locale;
  /** The dataset, for the reader's names of its policies and countries. */
  countries?: readonly Country[];
}

/** What a reply is rendered with besides its view: its language and the names in it. */
type ReplyRenderOptions = Omit<RenderOptions, "renderChart">;

/** A number per table of local names (tables are built once per language and kept). */
const tableIds = new WeakMap<object, number>();
let nextTableId = 1;
function tableId(table: object | undefined): number {
  if (table === undefined) return 0;
  let id = tableIds.get(table);
  if (id === undefined) {
    id = nextTableId++;
    tableIds.set(table, id);
  }
  return id;
}

/** Everything of a view but its answer and files, and the options, as a key. */
function viewKey(view: ReplyView, withCharts: boolean, options: ReplyRenderOptions): string {
  const { answer: _answer, files: _files, ...rest } = view;
  const { locale = "en", localNames } = options;
  return `${withCharts ? "charts" : "no charts"}\n${locale}\n${tableId(localNames)}\n${JSON.stringify(rest)}`;
}

/**
 * A copy a sender may change: discord.js writes `attachments` into the options it is given, so
 * the payload kept for the next reply must never be the one handed out.
 */
function freshCopy(payload: DiscordReplyPayload): DiscordReplyPayload {
  return { ...payload, files: [...payload.files] };
}

/**
 * A reply's payload in the reader's language, its chart drawn first (off the event loop) when
 * the view asks for one.
 */
export async function renderReply(
  view: ReplyView,
  renderChart: AsyncChartRenderer | undefined,
  language: ReplyLanguage = {},
): Promise<DiscordReplyPayload> {
  const locale = view.locale ?? language.locale ?? "en";
  const localNames = language.countries ? localNamesOf(language.countries, locale) : undefined;
  const options: ReplyRenderOptions = { locale, ...(localNames ? { localNames } : {}) };
  const cacheable = Object.isFrozen(view.answer) && (view.files ?? []).length === 0;
  if (!cacheable) return draw(view, renderChart, options);
  let byView = renderedPayloads.get(view.answer);
  if (byView === undefined) {
    byView = new Map();
    renderedPayloads.set(view.answer, byView);
  }
  const key = viewKey(view, renderChart !== undefined, options);
  let payload = byView.get(key);
  if (payload === undefined) {
    payload = draw(view, renderChart, options).then(frozenParts);
    byView.set(key, payload);
    // A failure is not kept: the next reply tries again.
    payload.catch(() => byView.delete(key));
  }
  const kept = await payload;
  const copy = freshCopy(kept);
  markKeptCopy(copy, kept);
  return copy;
}

/**
 * A kept payload's embeds, components and mentions frozen: it is handed out again and again
 * (as copies of its top level only), so nothing may change them, and being frozen lets each
 * request reuse their JSON text (src/ops/frozen-json.ts).
 */
function frozenParts(payload: DiscordReplyPayload): DiscordReplyPayload {
  for (const embed of payload.embeds) deepFreeze(embed);
  for (const row of payload.components) deepFreeze(row);
  deepFreeze(payload.allowedMentions);
  return payload;
}

async function draw(
  view: ReplyView,
  renderChart: AsyncChartRenderer | undefined,
  options: ReplyRenderOptions,
): Promise<DiscordReplyPayload> {
  const png =
    view.image && renderChart
      ? await renderChart(view.image, view.answer, options.locale, options.localNames)
      : null;
  return renderReplyView(view, png ? { ...options, renderChart: () => png } : options);
}
