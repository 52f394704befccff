import { packagePath } from "../../package-root.ts";

// The two DejaVu faces the charts use, shipped in assets/fonts with their licence; found from the
// package root so the sources, the build, tests and bench read the same files from any directory.
export const FONT_FAMILY = "DejaVu Sans";
export const FONT_REGULAR_PATH = packagePath("assets", "fonts", "DejaVuSans.ttf");
export const FONT_BOLD_PATH = packagePath("assets", "fonts", "DejaVuSans-Bold.ttf");
