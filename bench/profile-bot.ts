import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../test/build-dist.ts";
import { loadBot, startScript } from "./bot-load.ts";
import { nodeFlags } from "./bot-section.ts";

/**
 * One bot of the bench's bot section under the same load, with extra node flags, to profile it:
 *
 *   node --import tsx bench/profile-bot.ts policybot|minimal [interactions] [node flags…]
 *
 * e.g. `… policybot 8000 --cpu-prof --cpu-prof-dir=/tmp/prof` (a V8 CPU profile of the bot
 * process, written when it stops) or `--heap-prof`. Prints the load's figures as JSON.
 */

const [which = "policybot", count = "4000", ...extraFlags] = process.argv.slice(2);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
ensureBuilt();
const script =
  which === "minimal"
    ? fileURLToPath(new URL("./minimal-bot.mjs", import.meta.url))
    : "dist/src/main.js";
const command = ["node", ...nodeFlags(startScript(ROOT)), ...extraFlags, script].join(" ");
console.log(command);
const result = await loadBot({
  name: which,
  command,
  cwd: ROOT,
  readyLine: which === "minimal" ? /Ready as/ : /Logged in as/,
  interactions: Number(count),
  concurrency: 30,
});
console.log(JSON.stringify(result));
