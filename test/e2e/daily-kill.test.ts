import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { subscriptionSettings } from "../daily/helpers.js";
import { GUILD_ID } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { SIGNING_SECRET } from "../slack/harness.js";
import { DEFAULT_WORKSPACE, SlackStandIn } from "../slack/standin.js";
import { freePort } from "../support/free-port.js";

/**
 * The crash the daily posts are built for, with a real process and a real SIGKILL: the platform has
 * taken the post, the bot is killed before the platform's answer reaches it, and a new process
 * started after the claim's 3-minute takeover settles it without a second message: in Slack it finds
 * the post by its metadata, in Discord it sends again under the same nonce and gets the first message.
 */

const SLACK_CHANNEL = "C0KILLED";
const DISCORD_CHANNEL = "410000000000000077";
/** Past the scheduler's takeover of a claim left in `sending` (3 minutes). */
const RESTART_LATER_MS = 4 * 60_000;

/**
 * Loaded first into a bot process: its clock runs CLOCK_OFFSET_MS ahead, so the restart happens
 * "four minutes later" without four minutes of waiting. Timers are left alone.
 */
const SHIFTED_CLOCK = `data:text/javascript,${encodeURIComponent(`
  const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  };
`)}`;

const ZONE = zoneAtNoon();
/** Today where the subscription lives. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

let standin: SlackStandIn;
let discord: DiscordStandIn;
let dataDir: string;
const children: ChildProcess[] = [];

/** A fixed-offset zone where it is about noon now, so "09:00" is due today and still today four minutes on. */
function zoneAtNoon(): string {
  const ahead = 12 - new Date().getUTCHours();
  return ahead === 0 ? "Etc/GMT" : `Etc/GMT${ahead > 0 ? "-" : "+"}${Math.abs(ahead)}`;
}


/** How a tick ends for the post: sent, or found already sent and recorded. */
const POSTED = "daily takeaway posted";
const FOUND = "daily takeaway found already posted; recorded without sending again";

/** `npm start` with Slack and Discord in HTTP mode against the stand-ins; `settled(n)` resolves with its first n log lines saying how a post ended. */
async function startBot(clockOffsetMs: number): Promise<{ child: ChildProcess; settled(n: number): Promise<Record<string, unknown>[]> }> {
  const child = spawn(process.execPath, ["--import", SHIFTED_CLOCK, join(projectRoot(), "dist", "src", "main.js")], {
    cwd: projectRoot(),
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: "info",
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: DEFAULT_WORKSPACE.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standin.apiUrl,
      DISCORD_TOKEN: "k".repeat(60),
      DISCORD_PUBLIC_KEY: "ab".repeat(32),
      DISCORD_API_URL: discord.apiUrl,
      CLOCK_OFFSET_MS: String(clockOffsetMs),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (parsed.msg !== POSTED && parsed.msg !== FOUND) return;
    lines.push(parsed);
    for (const wake of waiters.splice(0)) wake();
  });
  const settled = async (n: number) => {
    while (lines.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    return lines.slice(0, n);
  };
  return { child, settled };
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve())));

beforeAll(async () => {
  standin = new SlackStandIn();
  await standin.start();
  discord = await new DiscordStandIn().start();
  dataDir = mkdtempSync(join(tmpdir(), "kubecon-kill-"));
  const store = openSqliteDailyStore(dataDir);
  await store.saveSubscription(subscriptionSettings({ id: `slack:${SLACK_CHANNEL}`, channelId: SLACK_CHANNEL, spaceId: DEFAULT_WORKSPACE.teamId, zone: ZONE }));
  await store.saveSubscription(
    subscriptionSettings({ id: `discord:${DISCORD_CHANNEL}`, platform: "discord", channelId: DISCORD_CHANNEL, spaceId: GUILD_ID, zone: ZONE }),
  );
  await store.close();
});

afterAll(async () => {
  for (const child of children) {
    child.kill("SIGKILL");
    await exited(child);
  }
  await standin?.stop();
  await discord?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a bot killed between the platform taking its daily post and recording it", () => {
  it("posts once on each platform: the next process settles the post without a second message", { timeout: 120_000 }, async () => {
    const discordPosts = `/channels/${DISCORD_CHANNEL}/messages`;
    standin.holdAnswer("chat.postMessage");
    discord.holdAnswer(discordPosts);
    const first = await startBot(0);
    const sent = await standin.waitFor((call) => call.kind === "chat.postMessage" && call.body.channel === SLACK_CHANNEL);
    const firstSend = await discord.nextRequest((request) => request.method === "POST" && request.path === discordPosts);
    first.child.kill("SIGKILL");
    await exited(first.child);

    const store = openSqliteDailyStore(dataDir);
    for (const id of [`slack:${SLACK_CHANNEL}`, `discord:${DISCORD_CHANNEL}`]) expect(await store.getPost(id, today)).toMatchObject({ status: "sending" });

    const second = await startBot(RESTART_LATER_MS);
    // One line per post, in either order.
    const lines = await second.settled(2);
    const slackRecord = await store.getPost(`slack:${SLACK_CHANNEL}`, today);
    const discordRecord = await store.getPost(`discord:${DISCORD_CHANNEL}`, today);
    await store.close();

    // Slack: found by its metadata in the channel's history, never sent again.
    expect(standin.calls("chat.postMessage").filter((call) => call.body.channel === SLACK_CHANNEL)).toEqual([sent]);
    expect(slackRecord).toMatchObject({ status: "posted", claimId: (sent.body.metadata as { event_payload: { claim_id: string } }).event_payload.claim_id });
    // Discord: sent again under the claim's nonce, answered with the first message.
    const sends = discord.requests.filter((request) => request.method === "POST" && request.path === discordPosts);
    expect(sends.length).toBe(2);
    expect(sends.map((request) => (request.body as { nonce: string }).nonce)).toEqual([(firstSend.body as { nonce: string }).nonce, (firstSend.body as { nonce: string }).nonce]);
    expect(discord.channelMessages(DISCORD_CHANNEL)).toHaveLength(1);
    expect(discordRecord).toMatchObject({ status: "posted", messageId: discord.channelMessages(DISCORD_CHANNEL)[0]!.id });
    expect(lines.map((line) => [line.subscriptionId, line.msg]).sort()).toEqual(
      [
        [`discord:${DISCORD_CHANNEL}`, POSTED],
        [`slack:${SLACK_CHANNEL}`, FOUND],
      ].sort(),
    );
  });
});
