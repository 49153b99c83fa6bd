import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { KUBECON_CLI, ensureBuilt } from "../core/helpers.js";

/**
 * What `kubecon search` loads once the index snapshot exists: its cold start depends on it (timed in
 * `npm run bench`, never here). The command ships as a bundle (rolldown.config.ts) whose entry holds
 * everything a search runs, so a search reads that one file and Node's own modules. A static import
 * of the recap parser, YAML, zod, pino or another command's cards anywhere on the search path would
 * load another chunk or package (the parser and zod cost ~100 ms), and this test names it and what
 * imported it.
 */

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "kubecon-cold-start-"));
  // A loader hook that prints every module loaded, and what imported it.
  writeFileSync(
    join(dir, "hooks.mjs"),
    `export async function resolve(specifier, context, next) {
       const found = await next(specifier, context);
       process.stderr.write("loaded " + found.url + " from " + context.parentURL + "\\n");
       return found;
     }`,
  );
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function search(...nodeArgs: string[]) {
  const run = spawnSync(process.execPath, [...nodeArgs, KUBECON_CLI, "search", "service", "mesh"], {
    cwd: projectRoot(),
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: "", DATA_DIR: join(dir, "data") },
  });
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/** Two whole processes, the first one indexing the corpus: on a busy machine that can take a while. */
const TWO_PROCESSES_MS = 120_000;

describe("kubecon search with an index snapshot", () => {
  it("loads the bundle's entry and Node's built-in modules only, and answers as the first start did", { timeout: TWO_PROCESSES_MS }, () => {
    const first = search();
    const second = search("--import", pathToFileURL(join(dir, "register.mjs")).href);
    expect(second.stdout).toBe(first.stdout);
    const loaded = second.stderr.split("\n").filter((line) => line.startsWith("loaded ") && !line.startsWith("loaded node:"));
    expect(loaded).toEqual([`loaded ${pathToFileURL(KUBECON_CLI).href} from undefined`]);
  });
});
