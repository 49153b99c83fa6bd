import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../src/app/settings.js";
import { adapters } from "../../adapters/index.js";
import { createLogger } from "../../src/log/logger.js";
import { projectRoot } from "../../src/paths.js";
import { commandInteraction, stringOption } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { signedHeaders, slashCommandBody, FORM } from "../slack/signing.js";
import { SlackStandIn, type StandInWorkspace } from "../slack/standin.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import { freePort } from "../support/free-port.js";

/**
 * Secrets never reach a log line, whatever logs them: checked by their values, in the whole output
 * of the real process at trace level, with every secret variable set and each used — a Slack
 * install's code exchange (whose request body the Web API client logs at debug), signed Slack and
 * Discord requests, and a PostgreSQL URL with a password.
 */

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const WORKSPACE: StandInWorkspace = { teamId: "T0SECRET", botToken: `xoxb-installed-${randomBytes(12).toString("hex")}`, botUserId: "UBOTS", botId: "BS" };
const SECRETS = {
  SLACK_SIGNING_SECRET: randomBytes(16).toString("hex"),
  SLACK_CLIENT_SECRET: randomBytes(16).toString("hex"),
  SLACK_STATE_SECRET: `state-${randomBytes(16).toString("hex")}`,
  SLACK_INSTALLATION_KEY: randomBytes(32).toString("base64"),
  DISCORD_TOKEN: `DiscordToken.${randomBytes(30).toString("hex")}`,
};
const DATABASE_PASSWORD = `pw${randomBytes(12).toString("hex")}`;

let postgres: TestPostgres;
let slack: SlackStandIn;
let discord: DiscordStandIn;
let child: ChildProcess;
let output = "";
let base = "";
const root = mkdtempSync(join(tmpdir(), "kubecon-secrets-"));


beforeAll(async () => {
  postgres = await startPostgres();
  const database = new URL(await postgres.createDatabase("kubecon_secrets"));
  database.password = DATABASE_PASSWORD;
  slack = new SlackStandIn();
  await slack.start();
  discord = await new DiscordStandIn().start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [join(projectRoot(), "dist", "src", "main.js")], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: "trace",
      PORT: String(port),
      DATA_DIR: join(root, "data"),
      CORPUS_DIR: join(projectRoot(), "data", "recaps"),
      DATABASE_URL: database.href,
      SLACK_API_URL: slack.apiUrl,
      SLACK_CLIENT_ID: "1111111111.2222222222",
      DISCORD_PUBLIC_KEY: publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"),
      DISCORD_API_URL: discord.apiUrl,
      ...SECRETS,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  while ((await fetch(`${base}/readyz`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 50));
}, 120_000);

afterAll(async () => {
  child?.kill("SIGKILL");
  await slack?.stop();
  await discord?.stop();
  await postgres?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("secrets in the log of the real process at trace level", () => {
  it("appear nowhere, after an install, Slack and Discord requests", async () => {
    // An install: the page, then Slack's redirect back with a code, exchanged with the client secret.
    const page = await fetch(`${base}/slack/install`);
    const link = new URL(/<a href="([^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, "&"));
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    slack.oauthCodes.set("code-secret", WORKSPACE);
    const redirect = await fetch(`${base}/slack/oauth_redirect?code=code-secret&state=${encodeURIComponent(link.searchParams.get("state")!)}`, { headers: { cookie }, redirect: "manual" });
    expect(redirect.status).toBe(200);
    expect(slack.calls("oauth.v2.access")).toHaveLength(1);

    const body = slashCommandBody({ text: "ebpf", teamId: WORKSPACE.teamId, responseUrl: slack.responseUrl("slash") });
    const answer = await fetch(`${base}/slack/events`, { method: "POST", headers: signedHeaders(SECRETS.SLACK_SIGNING_SECRET, body, Math.floor(Date.now() / 1000), FORM), body });
    expect(answer.status).toBe(200);

    const interaction = JSON.stringify(commandInteraction("search", [stringOption("query", "ebpf")]));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + interaction), privateKey).toString("hex");
    const discordAnswer = await fetch(`${base}/discord/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
      body: interaction,
    });
    expect(discordAnswer.status).toBe(200);

    // Everything the process wrote, to its last line: it is stopped, and its output read to the end.
    const closed = new Promise((resolve) => child.once("close", resolve));
    child.kill("SIGTERM");
    await closed;
    // The exchange's request body is among the lines: the client secret was there to leak.
    expect(output).toMatch(/http request body/);
    expect(output).toMatch(/\[redacted\]/);
    for (const [name, value] of Object.entries({ ...SECRETS, DATABASE_PASSWORD, INSTALLED_BOT_TOKEN: WORKSPACE.botToken })) {
      expect(output.includes(value), `${name} in the log`).toBe(false);
    }
  });
});

describe("a logger made with the configured secrets", () => {
  it("redacts each value wherever it appears: message, nested field, error, escaped in JSON", () => {
    const env = { SLACK_BOT_TOKEN: "xoxb-1234-abcdef-ghijkl", SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef", DATABASE_URL: "postgres://kubecon:p%40ss%22word@db:5432/kubecon" };
    const { secrets } = readSettings(env, adapters);
    let written = "";
    const logger = createLogger("trace", new Writable({ write: (chunk: Buffer, _e, done) => void ((written += String(chunk)), done()) }), secrets);
    logger.debug(`http request body: {"client_secret":"${env.SLACK_SIGNING_SECRET}"}`);
    logger.info({ nested: { deep: [`Bearer ${env.SLACK_BOT_TOKEN}`] }, url: env.DATABASE_URL }, "calling");
    logger.error({ err: new Error(`bad password p@ss"word for ${env.DATABASE_URL}`) }, "connect failed");
    for (const value of [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, 'p@ss\\"word', "p@ss%22word", env.DATABASE_URL]) expect(written).not.toContain(value);
    expect(written.split("\n").filter(Boolean).map((line) => JSON.parse(line) as object)).toHaveLength(3);
    expect(written).toContain("postgres://kubecon:[redacted]@db:5432/kubecon");
  });
});
