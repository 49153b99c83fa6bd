import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { subscriptionSettings } from "../daily/helpers.js";
import { SIGNING_SECRET } from "../slack/harness.js";
import { DEFAULT_WORKSPACE, SlackStandIn } from "../slack/standin.js";

/**
 * The crash the daily posts are built for, with a real process and a real SIGKILL: Slack has taken
 * the post, the bot is killed before Slack's answer reaches it, and a new process started after the
 * claim's 3-minute takeover finds the post by its metadata and records it. The channel gets it once.
 */

const CHANNEL = "C0KILLED";
const ID = `slack:${CHANNEL}`;
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
let dataDir: string;
const children: ChildProcess[] = [];

/** A fixed-offset zone where it is about noon now, so "09:00" is due today and still today four minutes on. */
function zoneAtNoon(): string {
  const ahead = 12 - new Date().getUTCHours();
  return ahead === 0 ? "Etc/GMT" : `Etc/GMT${ahead > 0 ? "-" : "+"}${Math.abs(ahead)}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** How a tick ends for the post: sent, or found already sent and recorded. */
const POSTED = "daily takeaway posted";
const FOUND = "daily takeaway found already posted; recorded without sending again";

/** `npm start` with Slack in HTTP mode against the stand-in; `settled` is its first log line saying how the post ended. */
async function startBot(clockOffsetMs: number): Promise<{ child: ChildProcess; settled: Promise<Record<string, unknown>> }> {
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
      CLOCK_OFFSET_MS: String(clockOffsetMs),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const settled = new Promise<Record<string, unknown>>((resolve) => {
    createInterface({ input: child.stderr! }).on("line", (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed.msg === POSTED || parsed.msg === FOUND) resolve(parsed);
    });
  });
  return { child, settled };
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve())));

beforeAll(async () => {
  standin = new SlackStandIn();
  await standin.start();
  dataDir = mkdtempSync(join(tmpdir(), "kubecon-kill-"));
  const store = openSqliteDailyStore(dataDir);
  await store.saveSubscription(subscriptionSettings({ id: ID, channelId: CHANNEL, spaceId: DEFAULT_WORKSPACE.teamId, zone: ZONE }));
  await store.close();
});

afterAll(async () => {
  for (const child of children) {
    child.kill("SIGKILL");
    await exited(child);
  }
  await standin?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a bot killed between Slack taking its daily post and recording it", () => {
  it("posts once: the next process finds the post in the channel's history and records it", { timeout: 120_000 }, async () => {
    standin.holdAnswer("chat.postMessage");
    const first = await startBot(0);
    const sent = await standin.waitFor((call) => call.kind === "chat.postMessage" && call.body.channel === CHANNEL);
    first.child.kill("SIGKILL");
    await exited(first.child);

    const store = openSqliteDailyStore(dataDir);
    expect(await store.getPost(ID, today)).toMatchObject({ status: "sending" });

    const second = await startBot(RESTART_LATER_MS);
    const line = await second.settled;
    expect(line.msg).toBe(FOUND);
    const record = await store.getPost(ID, today);
    await store.close();

    const posts = standin.calls("chat.postMessage").filter((call) => call.body.channel === CHANNEL);
    expect(posts).toEqual([sent]);
    expect(record).toMatchObject({ status: "posted", claimId: (sent.body.metadata as { event_payload: { claim_id: string } }).event_payload.claim_id });
    expect(line).toMatchObject({ messageId: record!.messageId });
  });
});

