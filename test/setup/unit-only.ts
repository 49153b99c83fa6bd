import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

/**
 * The fast tier (`npm run test:unit`) runs in this process alone: a test that starts a child
 * process, listens on a port or opens a connection (a server, a browser, PostgreSQL) fails at once,
 * saying it belongs to the whole suite, instead of slowing the edit-test loop down unnoticed.
 */
function refuse(what: string): never {
  throw new Error(`npm run test:unit runs no ${what}: this test belongs to the whole suite (npm test); list its file in vitest.unit.config.ts's exclude`);
}

for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = () => refuse("child process");
}
syncBuiltinESMExports();
net.Server.prototype.listen = () => refuse("server");
net.Socket.prototype.connect = () => refuse("network connection");
