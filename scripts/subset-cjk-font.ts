import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import subsetFont from "subset-font";
import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";
import { packagePath } from "../src/package-root.ts";
import { charactersBeyondDejaVu } from "../src/render/charts/cjk-text.ts";
import { CJK_BOLD_PATH, CJK_REGULAR_PATH } from "../src/render/charts/font-files.ts";

/**
 * `npm run subset-cjk-font`: cuts Noto Sans SC (regular and bold, SIL OFL) down to the characters
 * Chinese charts need beyond DejaVu, and writes the subsets to assets/fonts. Run it after adding
 * Chinese text to data/i18n/zh-CN.json or a Chinese name to a country file (a test says when).
 * The full fonts (10 MB a face) are fetched with npm for the run only, so no install carries them.
 */

const SOURCE_PACKAGE = "@expo-google-fonts/noto-sans-sc@0.4.3";
const FACES = [
  { file: "400Regular/NotoSansSC_400Regular.ttf", out: CJK_REGULAR_PATH },
  { file: "700Bold/NotoSansSC_700Bold.ttf", out: CJK_BOLD_PATH },
];
const LICENCE_OUT = packagePath("assets", "fonts", "NotoSansSC-OFL.txt");

async function main(): Promise<void> {
  const characters = charactersBeyondDejaVu(loadDataset(defaultDataDir())).join("");
  const work = mkdtempSync(path.join(tmpdir(), "policybot-noto-"));
  try {
    const tarball = execFileSync(
      "npm",
      ["pack", SOURCE_PACKAGE, "--pack-destination", work, "--silent"],
      { encoding: "utf8" },
    ).trim();
    execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", work]);
    for (const face of FACES) {
      const full = readFileSync(path.join(work, "package", face.file));
      const subset = await subsetFont(full, characters, { targetFormat: "truetype" });
      writeFileSync(face.out, subset);
      console.log(`${path.relative(packagePath(), face.out)}: ${subset.length} bytes`);
    }
    copyFileSync(path.join(work, "package", "LICENSE_FONT"), LICENCE_OUT);
    console.log(`${[...characters].length} characters: ${characters}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
