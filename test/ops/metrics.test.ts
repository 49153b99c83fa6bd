import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rich } from "../../src/cards/card.js";
import type { Bot } from "../../src/commands/bot.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { recapsByOrigin } from "../../src/corpus/stored-recaps.js";
import { PostError, type Poster } from "../../src/daily/poster.js";
import { HttpHost } from "../../src/http/server.js";
import { measuredBot, measuredPoster, measureSearches } from "../../src/metrics/instrument.js";
import { Metrics } from "../../src/metrics/metrics.js";
import { METRICS_PATH, METRICS_ROUTE, metricsRoute } from "../../src/metrics/route.js";
import type { FeedbackStore, VoteRecord } from "../../src/store/feedback-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { CONTEXT, memoryLogger } from "../core/helpers.js";

const log = memoryLogger();
let loaded: LoadedBot;
let bot: Bot;
let metrics: Metrics;
let host: HttpHost;
let url: string;
const feedbackDir = mkdtempSync(join(tmpdir(), "kubecon-metrics-"));
const feedback: FeedbackStore = openSqliteFeedbackStore(feedbackDir);

beforeAll(async () => {
  loaded = await loadBot({
    logger: log.logger,
    random: () => 0,
    // A command that fails on our side, to count an internal error.
    commands: () => [{ name: "explode", summary: "fails", examples: [], args: [], visibility: "ephemeral", run: () => Promise.reject(new Error("boom")) }],
  });
  metrics = new Metrics({
    subscriptions: async () => ({ slack: 2, discord: 1 }),
    sections: () => loaded.data.corpus.sections.length,
    recaps: () => recapsByOrigin(loaded.data.corpus),
    votes: () => feedback.counts(),
  }, log.logger);
  measureSearches(loaded.data.engine, metrics);
  bot = measuredBot(loaded, metrics, log.logger);
  host = new HttpHost(log.logger);
  host.mount(METRICS_PATH, metricsRoute(metrics, log.logger), METRICS_ROUTE);
  url = `http://127.0.0.1:${await host.listen(0, "127.0.0.1")}${METRICS_PATH}`;
});

afterAll(async () => {
  await host?.close();
  await feedback.close();
  rmSync(feedbackDir, { recursive: true, force: true });
});

/** One sample's value from the exposition text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").split(",").filter(Boolean);
    if (wanted.every((pair) => have.includes(pair)) && have.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

const scrape = async () => {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return answer.text();
};

describe("GET /metrics", () => {
  it("counts commands by platform, command and outcome, and times them", async () => {
    await bot.run("search ebpf", CONTEXT);
    await bot.run("service mesh year:2022", CONTEXT);
    await bot.run("talk no-such-section", { ...CONTEXT, platform: "slack" });
    await bot.run("explode", { ...CONTEXT, platform: "discord" });
    await bot.run("", CONTEXT);
    await bot.run("evnts", CONTEXT);
    const text = await scrape();
    expect(sample(text, "kubecon_commands_total", { platform: "test", command: "search", outcome: "ok" })).toBe(2);
    expect(sample(text, "kubecon_commands_total", { platform: "slack", command: "talk", outcome: "user_error" })).toBe(1);
    expect(sample(text, "kubecon_commands_total", { platform: "discord", command: "explode", outcome: "error" })).toBe(1);
    expect(sample(text, "kubecon_commands_total", { platform: "test", command: "help", outcome: "ok" })).toBe(1);
    // A mistyped command name is answered with a hint; it ran no command, so it is counted as none.
    expect(sample(text, "kubecon_commands_total", { platform: "test", command: "unknown", outcome: "user_error" })).toBe(1);
    expect(sample(text, "kubecon_command_duration_seconds_count", { platform: "test", command: "search" })).toBe(2);
    expect(sample(text, "kubecon_search_duration_seconds_count")).toBeGreaterThanOrEqual(2);
  });

  it("has the default process metrics, the corpus size and the subscriptions per platform", async () => {
    const text = await scrape();
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(sample(text, "kubecon_corpus_sections")).toBe(loaded.data.corpus.sections.length);
    expect(sample(text, "kubecon_recaps", { origin: "shipped" })).toBe(loaded.data.corpus.recaps.length);
    expect(sample(text, "kubecon_recaps", { origin: "stored" })).toBe(0);
    expect(sample(text, "kubecon_daily_subscriptions", { platform: "slack" })).toBe(2);
    expect(sample(text, "kubecon_daily_subscriptions", { platform: "discord" })).toBe(1);
  });

  it("has the votes standing in the feedback store, by platform and vote, a changed vote moving", async () => {
    const vote = (answerId: string, voterHash: string, platform: string, up: boolean): VoteRecord => ({
      answerId, voterHash, platform, vote: up ? "up" : "down", command: "search ebpf", sectionIds: [], spaceHash: "", at: new Date(0),
    });
    expect(await scrape()).not.toMatch(/^kubecon_feedback_votes\{/m);
    await feedback.recordVote(vote("a1", "v1", "slack", true));
    await feedback.recordVote(vote("a1", "v2", "slack", true));
    await feedback.recordVote(vote("a2", "v1", "discord", false));
    let text = await scrape();
    expect(sample(text, "kubecon_feedback_votes", { platform: "slack", vote: "up" })).toBe(2);
    expect(sample(text, "kubecon_feedback_votes", { platform: "discord", vote: "down" })).toBe(1);
    expect(sample(text, "kubecon_feedback_votes", { platform: "slack", vote: "down" })).toBeUndefined();
    // A second click changes the vote: it moves from up to down, the total stays.
    await feedback.recordVote(vote("a1", "v2", "slack", false));
    text = await scrape();
    expect(sample(text, "kubecon_feedback_votes", { platform: "slack", vote: "up" })).toBe(1);
    expect(sample(text, "kubecon_feedback_votes", { platform: "slack", vote: "down" })).toBe(1);
    expect(text).toMatch(/^# TYPE kubecon_feedback_votes gauge$/m);
  });

  it("still answers when a store is away, without that store's gauges, and logs why", async () => {
    const away = () => Promise.reject(new Error("PostgreSQL at db:5432/kubecon unreachable: connect ECONNREFUSED"));
    const before = log.lines().length;
    const { body } = await new Metrics({ subscriptions: away, sections: () => 7, recaps: () => ({ shipped: 2, stored: 1 }), votes: away }, log.logger).expose();
    expect(sample(body, "kubecon_corpus_sections")).toBe(7);
    // Still there. prom-client counts CPU time from the registry's making, a moment ago here, and
    // the kernel's accounting may not have moved since: 0 is a fair reading.
    expect(sample(body, "process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(body).not.toMatch(/^kubecon_(feedback_votes|daily_subscriptions)[{ ]/m);
    const warned = log.lines().slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warned.map((line) => [line.level, line.metric, line.msg])).toEqual([
      [40, "kubecon_daily_subscriptions", "metric left out of this scrape: its store did not answer"],
      [40, "kubecon_feedback_votes", "metric left out of this scrape: its store did not answer"],
    ]);
  });

  it("counts daily posts by platform and outcome", async () => {
    const outcomes: (() => Promise<{ messageId: string }>)[] = [
      async () => ({ messageId: "m1" }),
      () => Promise.reject(new PostError("rate limited", "transient", "429")),
      () => Promise.reject(new PostError("channel gone", "permanent", "channel_not_found")),
    ];
    const poster: Poster = { post: () => outcomes.shift()!() };
    const measured = measuredPoster("slack", poster, metrics);
    const target = { channelId: "C1" };
    const card = { title: "t", body: [{ text: rich("x") }] };
    await measured.post(target, card, "claim-1");
    await expect(measured.post(target, card, "claim-1")).rejects.toThrow("rate limited");
    await expect(measured.post(target, card, "claim-1")).rejects.toThrow("channel gone");
    const text = await scrape();
    for (const outcome of ["posted", "transient", "permanent"]) {
      expect(sample(text, "kubecon_daily_posts_total", { platform: "slack", outcome }), outcome).toBe(1);
    }
  });
});

describe("the command log line", () => {
  it("is one info line per command with platform, command, outcome and duration, and none of the user's text", async () => {
    const before = log.lines().length;
    await bot.run('search "rootless secret-words-here" year:2018', { ...CONTEXT, platform: "slack", userId: "U777" });
    const lines = log
      .lines()
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === "command");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, platform: "slack", command: "search", outcome: "ok", durationMs: expect.any(Number) });
    expect(JSON.stringify(lines[0])).not.toMatch(/rootless|secret-words|U777/);
  });
});
