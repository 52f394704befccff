import { packagePath } from "../../package-root.ts";

// The two DejaVu faces the charts use, shipped in assets/fonts with their licence; found from the
// package root so the sources, the build, tests and bench read the same files from any directory.
export const FONT_FAMILY = "DejaVu Sans";
export const FONT_REGULAR_PATH = packagePath("assets", "fonts", "DejaVuSans.ttf");
export const FONT_BOLD_PATH = packagePath("assets", "fonts", "DejaVuSans-Bold.ttf");

// Chinese labels: Noto Sans SC (SIL OFL), cut down to the characters the zh-CN catalogue and the
// dataset's Chinese names use (`npm run subset-cjk-font` makes them); DejaVu draws the rest.
export const CJK_FONT_FAMILY = "Noto Sans SC";
export const CJK_REGULAR_PATH = packagePath("assets", "fonts", "NotoSansSC-Regular-subset.ttf");
export const CJK_BOLD_PATH = packagePath("assets", "fonts", "NotoSansSC-Bold-subset.ttf");
