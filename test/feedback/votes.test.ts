import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app/app-bot.js";
import type { CardAction } from "../../src/cards/card.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import type { CommandContext } from "../../src/commands/context.js";
import { encodeAnswer } from "../../src/cards/feedback-actions.js";
import { createLogger } from "../../src/log/logger.js";
import type { FeedbackStore } from "../../src/store/feedback-store.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { FEEDBACK_FILE, openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import { KUBECON_CLI, ensureBuilt } from "../core/helpers.js";

let dir: string;
let daily: DailyStore;
let feedback: FeedbackStore;
let bot: LoadedBot;

const alice: CommandContext = { platform: "slack", userId: "U0ALICE42", channelId: "C0GENERAL", spaceId: "T0ACME7", can: { manageChannel: true, channelPosts: true } };
const bob: CommandContext = { ...alice, userId: "U0BOB77" };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-votes-"));
  daily = openSqliteDailyStore(dir);
  feedback = openSqliteFeedbackStore(dir);
  bot = await createAppBot({ corpusDir: "data/recaps", logger: createLogger("silent"), store: daily, feedback });
});

afterAll(async () => {
  await daily.close();
  await feedback.close();
  rmSync(dir, { recursive: true, force: true });
});

const votesOn = (actions: readonly CardAction[] | undefined) => (actions ?? []).filter((action) => action.kind === "feedback");

describe("👍/👎 on search answers", () => {
  it("are on every search answer with results, and on nothing else", async () => {
    const search = await bot.run("search ebpf year:2022", alice);
    expect(votesOn(search.card.actions).map((a) => a.label)).toEqual(["👍", "👎"]);
    expect(votesOn((await bot.run("talk eu-2018-memo-and-takeaways--notes-on-security-rootless-containers", alice)).card.actions)).toEqual([]);
    expect(votesOn((await bot.run("search zzzqqqxxx", alice)).card.actions)).toEqual([]);
    expect(votesOn((await bot.run("help", alice)).card.actions)).toEqual([]);
  });

  it("record the canonical command, the sections shown and the vote, one per person, a second click changing it", async () => {
    const search = await bot.run('search opa speaker:"Ash Narkar"', alice);
    const [up, down] = votesOn(search.card.actions);
    const shown = search.card.items!.map((item) => item.id);

    const thanks = await bot.run(up!.command, alice);
    expect(thanks).toEqual({ card: { title: "Thanks, glad it helped 👍" }, visibility: "ephemeral", command: "vote" });
    expect((await bot.run(up!.command, alice)).card.title).toBe("Thanks, glad it helped 👍");
    expect((await bot.run(down!.command, alice)).card.title).toBe("Vote changed. Thanks, noted 👎: this helps tune search");
    await bot.run(up!.command, bob);

    const votes = (await feedback.votes()).filter((vote) => vote.command === 'search opa speaker:"Ash Narkar"');
    expect(votes.map((vote) => vote.vote)).toEqual(["down", "up"]);
    for (const vote of votes) {
      expect(vote.sectionIds).toEqual(shown);
      expect(vote.platform).toBe("slack");
      expect(vote.spaceHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("keep no user id, workspace id or typed text beyond the command", async () => {
    await bot.run(votesOn((await bot.run("service mesh", alice)).card.actions)[0]!.command, alice);
    const file = readFileSync(join(dir, FEEDBACK_FILE)).toString("latin1");
    for (const id of [alice.userId, bob.userId, alice.spaceId!, alice.channelId]) expect(file).not.toContain(id);
  });

  it("refuse a vote on an answer that no longer exists or cannot be read", async () => {
    for (const command of ["vote up not-an-answer!", `vote up ${encodeAnswer("search zzzqqqxxx")}`, `vote down ${encodeAnswer("talk no-such-talk")}`]) {
      const reply = await bot.run(command, alice);
      expect(reply.isError).toBe(true);
      expect(reply.card.notice).toMatch(/can no longer be rated/);
    }
  });

  it("stay out of help", async () => {
    expect(JSON.stringify((await bot.run("help", alice)).card)).not.toMatch(/vote/i);
  });
});

describe("kubecon feedback --json", () => {
  it("exports the votes one object a line, without voters", async () => {
    ensureBuilt();
    const run = spawnSync(process.execPath, [KUBECON_CLI, "feedback", "--json"], { encoding: "utf8", env: { ...process.env, DATA_DIR: dir } });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBe((await feedback.votes()).length);
    expect(Object.keys(lines[0]!)).toEqual(["command", "sections", "vote", "platform", "space", "at"]);
    expect(lines.some((line) => line.command === 'search opa speaker:"Ash Narkar"' && line.vote === "down")).toBe(true);
  });

  it("gives up on a database that does not answer after a bounded wait, with one line and a non-zero exit", () => {
    // Nothing listens on port 1: every attempt is refused, as for a server that is down.
    const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: "", DATABASE_URL: "postgres://kubecon:hunter2@127.0.0.1:1/kubecon" };
    const run = spawnSync(process.execPath, [KUBECON_CLI, "feedback", "--json"], { encoding: "utf8", env, timeout: 30_000 });
    expect(run.status).toBe(2);
    // With --json the error is the one JSON line on standard output; no retry line on standard error.
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        error: expect.stringMatching(/^PostgreSQL at 127\.0\.0\.1:1\/kubecon did not answer within 5 s \(connect ECONNREFUSED .*\): check DATABASE_URL and that the server is running$/),
      },
    ]);
    expect(run.stdout).not.toContain("hunter2");
  });

  it("asks for --json", () => {
    const run = spawnSync(process.execPath, [KUBECON_CLI, "feedback"], { encoding: "utf8", env: { ...process.env, DATA_DIR: dir } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/kubecon feedback --json/);
  });
});
