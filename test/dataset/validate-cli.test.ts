import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const cli = path.join(root, "src/dataset/validate-cli.ts");

function validate(cwd: string, dataDir?: string) {
  const env = { ...process.env };
  delete env["DATA_DIR"];
  if (dataDir !== undefined) env["DATA_DIR"] = dataDir;
  return spawnSync(tsx, [cli], { cwd, env, encoding: "utf8" });
}

describe("npm run validate-data", () => {
  it("accepts the repository's data from any working directory", () => {
    const run = validate(tmpdir());
    expect(run.stdout.trim()).toBe("OK: 1 country, 3 policies");
    expect(run.status).toBe(0);
  });

  it("lists every problem and exits 1 for a bad DATA_DIR", () => {
    const run = validate(root, "test/fixtures/bad/many-problems");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Invalid country data (4 problems):");
    expect(run.stderr).toContain(
      "test/fixtures/bad/many-problems/a-ruritania.json: policies[1].start_year.value: Expected number, received string",
    );
    expect(run.stdout).toBe("");
  });
});
