import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { charactersBeyondDejaVu } from "../../src/render/charts/cjk-text.ts";
import {
  CJK_BOLD_PATH,
  CJK_FONT_FAMILY,
  CJK_REGULAR_PATH,
} from "../../src/render/charts/font-files.ts";
import { canDraw, textWidth, wrapText } from "../../src/render/charts/font.ts";
import { renderChartPng } from "../../src/render/charts/index.ts";
import { maturityChartSvg } from "../../src/render/charts/maturity-chart.ts";
import { timelineChartSvg } from "../../src/render/charts/timeline-chart.ts";
import { escapeXml, svgText } from "../../src/render/charts/svg.ts";
import { localNamesOf } from "../../src/render/localize.ts";
import { decodePng } from "./png.ts";

const engine = createEngine(loadDataset(defaultDataDir()));
const names = localNamesOf(engine.countries, "zh-CN");
const maturity = engine.countryAnswer("china", "maturity");
const timeline = engine.compareAnswer(["torch", "city-clusters", "greater-bay-area"], "start_year");

function chartsInChinese(): { maturity: Buffer; timeline: Buffer } {
  const options = { locale: "zh-CN" as const, localNames: names, now: 2026 };
  const maturityPng = renderChartPng("maturity", maturity, options);
  const timelinePng = renderChartPng("timeline", timeline, options);
  if (!maturityPng || !timelinePng) throw new Error("no chart drawn");
  return { maturity: maturityPng, timeline: timelinePng };
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

describe("Chinese in charts (Noto Sans SC subset beside DejaVu)", () => {
  it("has a glyph for every character the zh-CN catalogue and the dataset's Chinese names use", () => {
    const needed = charactersBeyondDejaVu(engine.countries);
    expect(needed.length).toBeGreaterThan(100);
    // A failure names the characters: run `npm run subset-cjk-font` to add them.
    expect(needed.filter((char) => !canDraw(char, "normal"))).toEqual([]);
    expect(needed.filter((char) => !canDraw(char, "bold"))).toEqual([]);
  });

  it("draws the same glyphs resvg draws from the font itself (not missing-glyph boxes)", () => {
    // No spaces: the subset holds no space (DejaVu draws it), so resvg would fill in a box's width.
    const sample = "集群政策成熟度（中国）火炬计划粤港澳大湾区";
    const card = (body: string): Buffer =>
      new Resvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="120">` +
          `<rect width="520" height="120" fill="#1e293b"/>${body}</svg>`,
        {
          font: {
            loadSystemFonts: false,
            fontFiles: [CJK_REGULAR_PATH, CJK_BOLD_PATH],
            defaultFontFamily: CJK_FONT_FAMILY,
          },
          logLevel: "off",
        },
      )
        .render()
        .asPng();
    const ours = decodePng(card(svgText(10, 50, sample, { size: 22, fill: "#ffffff" })));
    const resvg = decodePng(
      card(
        `<text x="10" y="50" font-size="22" fill="#ffffff" font-family="${CJK_FONT_FAMILY}">${escapeXml(sample)}</text>`,
      ),
    );
    let inked = 0;
    let different = 0;
    for (let p = 0; p < ours.rgba.length; p += 4) {
      const a = ours.rgba[p] ?? 0;
      const b = resvg.rgba[p] ?? 0;
      if (a > 0x40 || b > 0x40) inked++;
      if (Math.abs(a - b) > 60) different++;
    }
    expect(inked).toBeGreaterThan(2000);
    expect(different).toBeLessThanOrEqual(inked / 500);
  });

  it("measures Chinese as wide characters and breaks lines between them, keeping a bracketed name whole", () => {
    // A Chinese character is about one em wide, far wider than DejaVu's missing-glyph box.
    expect(textWidth("集群政策", 20)).toBeGreaterThan(4 * 18);
    expect(wrapText("Greater Bay Area plan（粤港澳大湾区）", 200, 13, 3, "bold")).toEqual([
      "Greater Bay Area plan",
      "（粤港澳大湾区）",
    ]);
    const lines = wrapText("各维度得分与满分对比各维度得分与满分对比", 100, 13, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  it("writes the chart's title, axes and legend in Chinese, the Chinese names beside the English", () => {
    if (maturity.kind !== "answer" || timeline.kind !== "compare") throw new Error("no answer");
    if (!maturity.scores || !timeline.periods) throw new Error("nothing to draw");
    const maturitySvg = maturityChartSvg(
      maturity.scores,
      "China（中国） — 集群政策成熟度",
      "zh-CN",
    );
    const timelineSvg = timelineChartSvg(timeline.periods, "x", {
      locale: "zh-CN",
      localNames: names,
      now: 2026,
    });
    for (const words of ["各维度得分与满分对比", "政策范围", "绩效证据", "满分", "分"]) {
      expect(maturitySvg).toContain(`aria-label="${words}"`);
    }
    for (const words of [
      "各政策的实施年份",
      "TORCH Program（火炬计划）",
      "里程碑",
      "今天（2026）",
    ]) {
      expect(timelineSvg).toContain(`aria-label="${words}"`);
    }
  });

  it("gives byte-identical PNGs on every run, in this process and in a fresh one", () => {
    const first = chartsInChinese();
    const second = chartsInChinese();
    expect(first.maturity.equals(second.maturity)).toBe(true);
    expect(first.timeline.equals(second.timeline)).toBe(true);
    const english = renderChartPng("maturity", maturity);
    expect(english && first.maturity.equals(english)).toBe(false);

    const fresh = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const { createHash } = await import("node:crypto");
         const { createEngine } = await import("./src/create-engine.ts");
         const { defaultDataDir, loadDataset } = await import("./src/dataset/load.ts");
         const { renderChartPng } = await import("./src/render/charts/index.ts");
         const { localNamesOf } = await import("./src/render/localize.ts");
         const engine = createEngine(loadDataset(defaultDataDir()));
         const options = { locale: "zh-CN", localNames: localNamesOf(engine.countries, "zh-CN"), now: 2026 };
         const hash = (png) => createHash("sha256").update(png).digest("hex");
         const m = renderChartPng("maturity", engine.countryAnswer("china", "maturity"), options);
         const t = renderChartPng("timeline", engine.compareAnswer(["torch", "city-clusters", "greater-bay-area"], "start_year"), options);
         process.stdout.write(hash(m) + " " + hash(t));`,
      ],
      { cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8" },
    );
    expect(fresh).toBe(`${sha256(first.maturity)} ${sha256(first.timeline)}`);
  });
});
