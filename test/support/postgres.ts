import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** A throwaway PostgreSQL server on loopback, in a temporary folder, for tests and benchmarks. */
export interface TestPostgres {
  /** The `postgres` database as the superuser, e.g. postgres://postgres@127.0.0.1:PORT/postgres. */
  url: string;
  /** A new empty database on the server, and its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server at once (as a crash would), keeping its data; `resume` starts it again on the same port. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can: the server binaries must be on
 * PATH or under /usr/lib/postgresql/<version>/bin (Debian's `postgresql` package, which .ci/run
 * installs), and as root a `postgres` user must exist to run the server, which refuses root.
 */
export function postgresUnavailable(): string | undefined {
  if (!binDir()) {
    return "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH nor under /usr/lib/postgresql/*/bin: install Debian's postgresql package (apt-get install -y postgresql, as .ci/run does)";
  }
  if (isRoot() && !systemUser()) return "running as root, and there is no 'postgres' user to run the server as (the server refuses root)";
  return undefined;
}

/** Starts a server (initdb, then pg_ctl start) on a free loopback port; throws with the reason when it cannot. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const missing = postgresUnavailable();
  if (missing) throw new Error(`cannot run the PostgreSQL tests: ${missing}`);
  const bin = binDir()!;
  const folder = mkdtempSync(join(tmpdir(), "kubecon-pg-"));
  const data = join(folder, "data");
  const owner = isRoot() ? systemUser() : undefined;
  if (owner) chownSync(folder, owner.uid, owner.gid);
  // As root the server runs as `postgres`; otherwise as whoever runs the tests.
  const asServer = (command: string, args: string[]) =>
    owner ? run("runuser", ["-u", "postgres", "--", join(bin, command), ...args]) : run(join(bin, command), args);

  await asServer("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  // Tests need no durability against power loss (a killed server still loses no commit); the benchmark keeps it.
  const speed = options.durable ? "" : " -c fsync=off -c full_page_writes=off";
  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200${speed}`;
  const start = () => asServer("pg_ctl", ["-D", data, "-l", join(folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
  const stopServer = (mode: string) => asServer("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = true;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async halt() {
      await stopServer("immediate");
      running = false;
    },
    async resume() {
      await start();
      running = true;
    },
    async stop() {
      if (running) await stopServer("immediate").catch(() => undefined);
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function binDir(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], "bin");
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** The `postgres` system user's ids, from /etc/passwd. */
function systemUser(): { uid: number; gid: number } | undefined {
  if (!existsSync("/etc/passwd")) return undefined;
  const entry = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === "postgres");
  return entry && { uid: Number(entry[2]), gid: Number(entry[3]) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
