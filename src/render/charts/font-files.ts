import { createRequire } from "node:module";

// Resolved through the module system, not the working directory, so the bot, the console, tests and
// bench find the same files wherever they are started from.
const require = createRequire(import.meta.url);

export const FONT_FAMILY = "DejaVu Sans";
export const FONT_REGULAR_PATH = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
export const FONT_BOLD_PATH = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
