import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runMain, scratchDir } from "./run-main.ts";

/**
 * The console's start-up is what a newcomer waits for after `npm start` (goal: the first answer
 * within 0.8 s; measured by `npm run bench`). Most of it was loading discord.js, which the
 * console never uses, and then @discordjs/builders (with discord-api-types, shapeshift, lodash):
 * the command modules write their definitions as Discord's JSON (src/command-definition.ts).
 */
describe("npm start without a token", () => {
  it("answers without loading discord.js or the command builders", async () => {
    const cwd = scratchDir();
    const preload = path.join(cwd, "record-modules.cjs");
    const loaded = path.join(cwd, "loaded.txt");
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(loaded)}, Object.keys(require.cache).join("\\n")));`,
    );
    const run = await runMain({
      stdin: "/policy torch\n",
      cwd,
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/TORCH Program/);
    const modules = readFileSync(loaded, "utf8").split("\n");
    // The record works: CommonJS modules the console does use are in it.
    expect(modules.some((file) => file.includes(`node_modules${path.sep}dotenv`))).toBe(true);
    const discord = ["discord.js", "@discordjs", "discord-api-types", "@sapphire"];
    expect(
      modules.filter((file) =>
        discord.some((name) => file.includes(`node_modules${path.sep}${name}${path.sep}`)),
      ),
    ).toEqual([]);
  });
});
