import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { freePort } from "../support/free-port.js";

const root = projectRoot();
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
/** The runtime stage: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

interface Copy {
  fromBuild: boolean;
  sources: string[];
  dest: string;
}

const copies: Copy[] = [...runtime.matchAll(/^COPY (--from=build )?(.+)$/gm)].map((m) => {
  const words = m[2]!.trim().split(/\s+/);
  return { fromBuild: m[1] !== undefined, sources: words.slice(0, -1).map((s) => s.replace(/^\/app\//, "")), dest: words.at(-1)! };
});
const env = Object.fromEntries(
  [...runtime.matchAll(/^ENV ((?:.|\\\n)+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/(\w+)=(\S+)/g)].map((p) => [p[1]!, p[2]!])),
);
const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
/** What the build stage makes by running the built code (the prebuilt index snapshot), replayed in the copy. */
const builtByRunning = [...dockerfile.slice(0, dockerfile.lastIndexOf("\nFROM ")).matchAll(/^RUN (node dist\/src\/bundle\/kubecon\.js .+)$/gm)].map((m) => m[1]!.split(" "));
const PREBUILT = "index";

let folder: string | undefined;
let child: ChildProcess | undefined;
let discord: DiscordStandIn | undefined;
afterAll(async () => {
  child?.kill("SIGKILL");
  await discord?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Packages whose install runs a script (a native addon compiled in the build stage). */
function nativePackages(nodeModules: string): string[] {
  return readdirSync(nodeModules).filter((name) => {
    const manifest = join(nodeModules, name, "package.json");
    if (!existsSync(manifest)) return false;
    const scripts = (JSON.parse(readFileSync(manifest, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
    return Boolean(scripts.install ?? scripts.preinstall ?? scripts.postinstall);
  });
}


describe("the container image's runtime stage, replayed without Docker", () => {
  it("copies only built output, data and production dependencies, as uid 1000, running node directly", () => {
    expect(runtime).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(cmd[0]).toBe("node");
    // The toolchain is installed in the build stage only.
    expect(runtime).not.toMatch(/apt-get|g\+\+|python3/);
    expect(dockerfile.slice(0, dockerfile.lastIndexOf("\nFROM "))).toMatch(/g\+\+/);
    for (const { sources } of copies) for (const source of sources) expect(source).not.toMatch(/^(src|adapters|test)\b/);
  });

  it("installs production dependencies in a clean folder, and that copy starts and answers /readyz", { timeout: 180_000 }, async () => {
    folder = mkdtempSync(join(tmpdir(), "kubecon-image-"));
    const app = join(folder, "app");
    mkdirSync(app);
    // Step 1 of the stage: the package files, then what `npm ci` + `npm prune --omit=dev` leave.
    cpSync(join(root, "package.json"), join(app, "package.json"));
    cpSync(join(root, "package-lock.json"), join(app, "package-lock.json"));
    execFileSync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app, stdio: "pipe" });
    // The build stage compiled the native addons; the runtime stage copies them with node_modules.
    for (const name of nativePackages(join(app, "node_modules"))) {
      cpSync(join(root, "node_modules", name, "build"), join(app, "node_modules", name, "build"), { recursive: true });
    }
    for (const { sources, dest } of copies) {
      for (const source of sources) {
        if (source === "node_modules" || source.startsWith("package") || source === PREBUILT) continue;
        cpSync(join(root, source), join(app, dest === "./" ? source : dest), { recursive: true });
      }
    }

    // The build stage's index snapshot, made as it makes it: with the copied code, data and lock file.
    expect(copies.some((c) => c.fromBuild && c.sources.includes(PREBUILT))).toBe(true);
    for (const [command, ...args] of builtByRunning) execFileSync(command!, args, { cwd: app, stdio: "pipe" });
    expect(existsSync(join(app, PREBUILT, "index.snapshot"))).toBe(true);

    // Nothing only development needs is there.
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith("node_modules/") && entry.dev);
    expect(devOnly.length).toBeGreaterThan(0);
    for (const [path] of devOnly) expect(existsSync(join(app, path)), path).toBe(false);

    // Start it as the image would, in Discord's HTTP mode, its token checked by a stand-in on loopback.
    discord = await new DiscordStandIn().start();
    const port = await freePort();
    const { publicKey } = generateKeyPairSync("ed25519");
    child = spawn(cmd[0]!, cmd.slice(1), {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        ...env,
        PORT: String(port),
        DATA_DIR: join(folder, "data"),
        DISCORD_TOKEN: "t".repeat(60),
        DISCORD_PUBLIC_KEY: publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"),
        DISCORD_API_URL: discord.apiUrl,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));

    // Poll until it answers (or exits): no timing is asserted, the test's timeout bounds it.
    let status: number | undefined;
    while (status !== 200) {
      const outcome = await Promise.race([
        exited.then((code) => ({ exited: code })),
        fetch(`http://127.0.0.1:${port}/readyz`).then((r) => ({ status: r.status }), () => ({ status: undefined })),
      ]);
      if ("exited" in outcome) throw new Error(`the copy exited with ${outcome.exited}:\n${stderr}`);
      status = outcome.status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    // It read the image's snapshot: nothing was indexed into its empty DATA_DIR.
    expect(existsSync(join(folder, "data", "cache", "index.snapshot"))).toBe(false);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
