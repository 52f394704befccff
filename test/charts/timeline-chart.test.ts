import { describe, expect, it } from "vitest";
import type { PeriodRow } from "../../src/answers/types.ts";
import { renderTimelinePng } from "../../src/render/charts/index.ts";
import { THEME } from "../../src/render/charts/svg.ts";
import {
  timelineChartSvg,
  timelineLayout,
  type TimelineBar,
} from "../../src/render/charts/timeline-chart.ts";
import { chinaPeriods } from "./fixtures.ts";

/** A fixed present, so every image is reproducible. */
const NOW = { now: 2026 };
import { textWidth } from "../../src/render/charts/font.ts";
import { decodePng, distinctColours, hexColour, isColour, type DecodedPng } from "./png.ts";

/** Where a bar's colour starts and stops, read just inside its top edge (above text and markers). */
function barExtent(image: DecodedPng, bar: TimelineBar, from = 0): { start: number; end: number } {
  const y = bar.y + 1;
  const colour = hexColour(bar.colour);
  let start = -1;
  for (let x = from; x < image.width; x++) {
    if (isColour(image.pixel(x, y), colour)) {
      start = x;
      break;
    }
  }
  if (start < 0) return { start: -1, end: -1 };
  let end = start;
  while (end + 1 < image.width && isColour(image.pixel(end + 1, y), colour)) end++;
  return { start, end: end + 1 };
}

function rowNamed(bars: TimelineBar[], policy: string): TimelineBar {
  const bar = bars.find((row) => row.policy === policy);
  if (!bar) throw new Error(`no row for ${policy}`);
  return bar;
}

describe("renderTimelinePng", () => {
  const image = decodePng(renderTimelinePng(chinaPeriods, "China — policy timeline", NOW));
  const layout = timelineLayout(chinaPeriods, NOW);

  it("draws China's three periods as a non-blank PNG of the laid-out size", () => {
    expect(image.width).toBe(800);
    expect(image.height).toBe(layout.height);
    expect(distinctColours(image)).toBeGreaterThan(20);
    expect(layout.domain.from).toBeLessThanOrEqual(1988);
    expect(layout.domain.to).toBeGreaterThan(2035);
  });

  it("runs TORCH, which has no end year, to the right edge and on into an arrow", () => {
    const torch = rowNamed(layout.rows, "torch");
    const colour = hexColour(torch.colour);
    const extent = barExtent(image, torch, layout.plotX0);
    expect(Math.abs(extent.start - layout.xOfYear(1988))).toBeLessThanOrEqual(1);
    expect(extent.end).toBeGreaterThanOrEqual(layout.plotX1);
    expect(isColour(image.pixel(layout.plotX1 - 1, torch.y + 1), colour)).toBe(true);
    expect(isColour(image.pixel(layout.plotX1 + 4, torch.y + torch.height / 2), colour)).toBe(true);
  });

  it("stops City Clusters and the Greater Bay Area plan at 2035, with bars as long as their years", () => {
    const cities = rowNamed(layout.rows, "city-clusters");
    const bay = rowNamed(layout.rows, "greater-bay-area");
    const citiesExtent = barExtent(image, cities, layout.plotX0);
    const bayExtent = barExtent(image, bay, layout.plotX0);
    const x2035 = layout.xOfYear(2035);
    for (const [bar, extent] of [
      [cities, citiesExtent],
      [bay, bayExtent],
    ] as const) {
      expect(Math.abs(extent.end - x2035)).toBeLessThanOrEqual(1);
      expect(isColour(image.pixel(x2035 + 3, bar.y + 1), hexColour(bar.colour))).toBe(false);
    }
    const citiesLength = citiesExtent.end - citiesExtent.start;
    const bayLength = bayExtent.end - bayExtent.start;
    // 2006–2035 is 29 years, 2019–2035 is 16: lengths in that proportion, to a couple of pixels.
    expect(Math.abs(citiesLength * 16 - bayLength * 29)).toBeLessThanOrEqual(2 * 29);
    const torchStart = barExtent(image, rowNamed(layout.rows, "torch"), layout.plotX0).start;
    const pxPerYear = citiesLength / 29;
    expect(Math.abs(citiesExtent.start - torchStart - 18 * pxPerYear)).toBeLessThanOrEqual(2);
  });

  it("marks 2016, when City Clusters was fully formulated, on its bar", () => {
    const cities = rowNamed(layout.rows, "city-clusters");
    const x2016 = layout.xOfYear(2016);
    expect(isColour(image.pixel(x2016, cities.y + cities.height / 2), hexColour(THEME.text))).toBe(
      true,
    );
    expect(timelineChartSvg(chinaPeriods, "China", NOW)).toContain("2016: fully formulated");
  });

  it("says which periods are ongoing and which end", () => {
    const svg = timelineChartSvg(chinaPeriods, "China", NOW);
    expect(svg).toContain("1988 – ongoing");
    expect(svg).toContain("2006 – 2035");
    expect(svg).toContain("2019 – 2035");
  });

  it("gives the same bytes for the same input", () => {
    const again = renderTimelinePng(structuredClone(chinaPeriods), "China — policy timeline", NOW);
    expect(renderTimelinePng(chinaPeriods, "China — policy timeline", NOW).equals(again)).toBe(
      true,
    );
  });

  it("draws a today line for a year or a timestamp in that year, by default this year", () => {
    const byYear = renderTimelinePng(chinaPeriods, "China", { now: 2026 });
    const byTimestamp = renderTimelinePng(chinaPeriods, "China", { now: Date.UTC(2026, 5, 1) });
    expect(byYear.equals(byTimestamp)).toBe(true);
    expect(byYear.equals(renderTimelinePng(chinaPeriods, "China", { now: 2030 }))).toBe(false);
    expect(timelineChartSvg(chinaPeriods, "China", NOW)).toContain("today (2026)");
    const yearBefore = new Date().getUTCFullYear();
    const byClock = timelineLayout(chinaPeriods).nowYear;
    expect([yearBefore, new Date().getUTCFullYear()]).toContain(byClock);
    // TORCH, ongoing, runs past today on the axis.
    const later = timelineLayout(chinaPeriods, { now: 2060 });
    expect(later.domain.to).toBeGreaterThan(2060);
    const torch = rowNamed(later.rows, "torch");
    expect(torch.x1).toBeGreaterThan(later.xOfYear(2060));
  });
});

describe("timelines of other shapes", () => {
  const manyRows = (count: number): PeriodRow[] =>
    Array.from({ length: count }, (_, index) => ({
      policy: `policy-${index}`,
      label: `Policy ${index}`,
      start: 1900 + index * 9,
      end: index % 3 === 0 ? null : 1910 + index * 11,
      milestones: index % 2 === 1 ? [{ year: 1905 + index * 9, event: "review" }] : [],
    }));

  it("grows with the number of rows and shows every bar in its own colour band", () => {
    const heights: number[] = [];
    for (const count of [1, 4, 12]) {
      const periods = manyRows(count);
      const image = decodePng(renderTimelinePng(periods, `${count} policies`, NOW));
      const layout = timelineLayout(periods, NOW);
      expect(image.width).toBe(800);
      expect(image.height).toBe(layout.height);
      heights.push(image.height);
      for (const bar of layout.rows) {
        const extent = barExtent(image, bar, layout.plotX0);
        expect(Math.abs(extent.start - layout.xOfYear(bar.start))).toBeLessThanOrEqual(1);
        if (bar.end === null) {
          // Open-ended: through the plot's right edge into the arrow head.
          expect(extent.end).toBeGreaterThan(layout.plotX1);
        } else {
          expect(Math.abs(extent.end - layout.xOfYear(bar.end))).toBeLessThanOrEqual(1);
        }
      }
    }
    expect(heights[0]).toBeLessThan(heights[1] ?? 0);
    expect(heights[1]).toBeLessThan(heights[2] ?? 0);
  });

  it("fits any span of years on the axis with ticks covering it", () => {
    for (const periods of [
      [{ policy: "a", label: "Old", start: 1601, end: 1648, milestones: [] }],
      [{ policy: "b", label: "Future", start: 2090, end: null, milestones: [] }],
      [{ policy: "c", label: "One year", start: 2020, end: 2020, milestones: [] }],
      [
        { policy: "d", label: "Long", start: 1200, end: 2000, milestones: [] },
        { policy: "e", label: "Short", start: 1999, end: 2001, milestones: [] },
      ],
    ] satisfies PeriodRow[][]) {
      const layout = timelineLayout(periods, NOW);
      expect(layout.ticks.length).toBeGreaterThanOrEqual(2);
      expect(layout.ticks.length).toBeLessThanOrEqual(13);
      const image = decodePng(renderTimelinePng(periods, "span", NOW));
      for (const bar of layout.rows) {
        const middle = Math.floor(((bar.x0 ?? 0) + (bar.x1 ?? 0)) / 2);
        expect(isColour(image.pixel(middle, bar.y + 1), hexColour(bar.colour))).toBe(true);
      }
    }
  });

  it("keeps crowded milestone captions apart and on the card, growing the row to fit them", () => {
    const periods: PeriodRow[] = [
      {
        policy: "city-clusters",
        label: "City Clusters",
        start: 2006,
        end: 2035,
        milestones: [
          { year: 2006, event: "First mentioned" },
          { year: 2016, event: "Fully formulated" },
          { year: 2035, event: "Planned end; it may continue even after this period" },
          { year: 2036, event: "A made-up milestone right next to the last one" },
        ],
      },
      { policy: "torch", label: "TORCH Program", start: 1988, end: null, milestones: [] },
    ];
    const layout = timelineLayout(periods, NOW);
    const [crowded, next] = layout.rows;
    if (!crowded || !next) throw new Error("two rows expected");
    const boxes = crowded.milestones.map((milestone) => ({
      line: milestone.captionLine,
      left: milestone.captionX,
      right: milestone.captionX + textWidth(milestone.caption, 12),
    }));
    for (const [index, box] of boxes.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(layout.plotX0 - 12);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      for (const other of boxes.slice(index + 1)) {
        const overlaps =
          box.line === other.line && box.left < other.right && other.left < box.right;
        expect(overlaps).toBe(false);
      }
    }
    const lines = Math.max(...boxes.map((box) => box.line)) + 1;
    expect(lines).toBeGreaterThan(1);
    const lastCaptionBaseline = crowded.y + crowded.height + 16 + (lines - 1) * 16;
    expect(next.y - 5).toBeGreaterThan(lastCaptionBaseline);
    expect(timelineChartSvg(periods, "Crowded", NOW)).toContain("2016: Fully formulated");
  });

  it("escapes labels and events taken from data", () => {
    const periods: PeriodRow[] = [
      {
        policy: "x",
        label: `R&D <script>"go"</script>`,
        start: 2000,
        end: 2010,
        milestones: [{ year: 2005, event: "<review> & 'update'" }],
      },
    ];
    const svg = timelineChartSvg(periods, "<Title> & co");
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<review>");
    expect(svg).toContain("&lt;Title&gt; &amp; co");
    expect(decodePng(renderTimelinePng(periods, "<Title> & co")).width).toBe(800);
  });

  it("still draws a card when there are no periods", () => {
    const image = decodePng(renderTimelinePng([], "Nothing", NOW));
    expect(image.width).toBe(800);
    expect(distinctColours(image)).toBeGreaterThan(3);
  });
});
