import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * No Docker engine runs here, so the Dockerfile's runtime stage is replayed instead: its COPY
 * and RUN lines, in order, into an empty directory standing for the image's WORKDIR, with the
 * build stage's output taken from a built checkout. What the stage declares (ENV, USER, CMD,
 * HEALTHCHECK) is returned for the test to run and check.
 */

export interface RuntimeStage {
  env: Record<string, string>;
  user: string | null;
  /** CMD, exec form. */
  command: string[];
  /** HEALTHCHECK's CMD, exec form. */
  healthcheck: string[];
  /** The RUN commands replayed (one entry per `&&` part), for the test to see. */
  ran: string[];
}

interface Instruction {
  keyword: string;
  args: string;
}

function instructions(dockerfile: string): Instruction[] {
  const joined = dockerfile.replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string")) {
    throw new Error(`expected the exec form ["…"], got ${args}`);
  }
  return parsed;
}

/** `COPY [--from=stage] src… dst` with `dst` relative to WORKDIR. */
function copy(args: string, fromBuild: string, context: string, workdir: string): void {
  const words = args.split(/\s+/);
  const from = words[0]?.startsWith("--from=") ? words.shift() : undefined;
  const destination = words.pop();
  if (!destination || words.length === 0) throw new Error(`COPY needs a source and a target`);
  const target = path.resolve(workdir, destination);
  for (const source of words) {
    // The build stage's WORKDIR is /app: its paths map onto the built checkout.
    const origin = from
      ? path.join(fromBuild, path.relative("/app", source))
      : path.join(context, source);
    const into = destination.endsWith("/") ? path.join(target, path.basename(source)) : target;
    mkdirSync(path.dirname(into), { recursive: true });
    cpSync(origin, into, { recursive: true });
  }
}

/**
 * Replays the stage named `stage` of `context`/Dockerfile into `workdir`. `skip` leaves out RUN
 * parts that must not run on a shared machine (e.g. emptying its npm cache).
 */
export function replayRuntimeStage(options: {
  context: string;
  builtCheckout: string;
  workdir: string;
  stage: string;
  skip?: RegExp;
  env?: NodeJS.ProcessEnv;
}): RuntimeStage {
  const all = instructions(readFileSync(path.join(options.context, "Dockerfile"), "utf8"));
  const start = all.findIndex(
    (line) =>
      line.keyword === "FROM" && new RegExp(`\\bAS\\s+${options.stage}$`, "i").test(line.args),
  );
  if (start < 0) throw new Error(`the Dockerfile has no stage ${options.stage}`);
  const end = all.findIndex((line, index) => index > start && line.keyword === "FROM");
  const stage: RuntimeStage = { env: {}, user: null, command: [], healthcheck: [], ran: [] };
  for (const { keyword, args } of all.slice(start + 1, end < 0 ? undefined : end)) {
    if (keyword === "COPY") copy(args, options.builtCheckout, options.context, options.workdir);
    else if (keyword === "ENV") {
      const [name = "", ...value] = args.split("=");
      stage.env[name] = value.join("=");
    } else if (keyword === "USER") stage.user = args;
    else if (keyword === "CMD") stage.command = execForm(args);
    else if (keyword === "HEALTHCHECK") {
      stage.healthcheck = execForm(args.slice(args.indexOf("CMD") + 3).trim());
    } else if (keyword === "RUN") {
      for (const part of args.split("&&").map((command) => command.trim())) {
        if (options.skip?.test(part)) continue;
        stage.ran.push(part);
        execFileSync("sh", ["-c", part], {
          cwd: options.workdir,
          env: { ...process.env, ...options.env, ...stage.env },
          stdio: "pipe",
        });
      }
    }
  }
  return stage;
}
