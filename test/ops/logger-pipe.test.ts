import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LOGGER = fileURLToPath(new URL("../../src/ops/logger.ts", import.meta.url));

/** Runs `body` in a fresh node process whose standard output is a pipe, as under a collector. */
function runWithLogger(body: string): { stdout: string; stderr: string; status: number | null } {
  const script = `const { createLogger } = await import(${JSON.stringify(LOGGER)});\n${body}`;
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

describe("the log on a pipe (lines written in batches)", () => {
  it("loses no line when the process exits at once, and keeps their order", () => {
    const run = runWithLogger(`
      const log = createLogger();
      for (let i = 0; i < 3000; i++) log.info({ n: i }, "interaction");
      log.warn("last warning");
      process.exit(0);
    `);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(3000);
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(
      Array.from({ length: 3000 }, (_, i) => i),
    );
    expect(run.stderr).toContain("last warning");
  });

  it("writes a lone line without waiting for more to fill a batch", async () => {
    const script = `const { createLogger } = await import(${JSON.stringify(LOGGER)});
      createLogger().info("alone");
      setInterval(() => {}, 1000);`;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      // Seen while the process still runs: no exit flush has happened (it is killed after).
      const seen = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk;
          if (out.includes("\n")) resolve(out);
        });
        child.once("exit", () => reject(new Error(`exited first: ${out}`)));
        setTimeout(() => reject(new Error("no line within 10 s")), 10_000);
      });
      expect(seen).toContain('"msg":"alone"');
    } finally {
      child.kill("SIGKILL");
    }
  });
});
