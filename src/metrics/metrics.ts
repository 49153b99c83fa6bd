import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Logger } from "../log/logger.js";
import type { VoteCount } from "../store/feedback-store.js";

export interface MetricsSources {
  /** Enabled daily subscriptions per platform, read at each scrape. */
  subscriptions: () => Promise<Record<string, number>>;
  /** Sections in the index now being served (it changes on a corpus reload). */
  sections: () => number;
  /** Recaps in the index now being served, by where they come from (shipped, stored). */
  recaps: () => Record<string, number>;
  /** The 👍/👎 votes standing in the feedback store, read at each scrape. */
  votes: () => Promise<VoteCount[]>;
}

/** A command's outcome: answered, refused the user's input, or failed on our side. */
export type Outcome = "ok" | "user_error" | "error";

/**
 * The process's Prometheus metrics in their own registry: prom-client's default process metrics
 * (CPU, memory, event loop lag, GC, handles) and the bot's own.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commands: Counter<"platform" | "command" | "outcome">;
  readonly commandDuration: Histogram<"platform" | "command">;
  readonly searchDuration: Histogram;
  readonly dailyPosts: Counter<"platform" | "outcome">;
  readonly sourceRefreshes: Counter<"source" | "result">;
  readonly lateResends: Counter<"platform">;

  /** `logger` says when a store read at scrape time failed. */
  constructor(sources: MetricsSources, logger: Logger) {
    const registers = [this.registry];
    // A store that is away (PostgreSQL restarting) leaves its gauge without samples for that scrape,
    // logged; the scrape itself still answers, so the process's other metrics keep flowing.
    const fromStore = async <T>(metric: string, read: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        logger.warn({ err: error, metric }, "metric left out of this scrape: its store did not answer");
        return undefined;
      }
    };
    collectDefaultMetrics({ register: this.registry });
    this.commands = new Counter({
      name: "kubecon_commands_total",
      help: "Commands answered, by platform, command and outcome (ok, user_error, error).",
      labelNames: ["platform", "command", "outcome"],
      registers,
    });
    this.commandDuration = new Histogram({
      name: "kubecon_command_duration_seconds",
      help: "Time the core took to answer a command.",
      labelNames: ["platform", "command"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.searchDuration = new Histogram({
      name: "kubecon_search_duration_seconds",
      help: "Time of one search in the index.",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    });
    this.sourceRefreshes = new Counter({
      name: "kubecon_source_refresh_total",
      help: "Refreshes of followed sources by this replica, by source address and result (ok, not-modified, failed, refused).",
      labelNames: ["source", "result"],
      registers,
    });
    this.dailyPosts = new Counter({
      name: "kubecon_daily_posts_total",
      help: "Daily takeaway posts tried, by platform and outcome (posted, transient, permanent, error).",
      labelNames: ["platform", "outcome"],
      registers,
    });
    this.lateResends = new Counter({
      name: "kubecon_daily_late_resends_total",
      help: "Daily posts re-sent after a crash later than the platform recognises a re-send (Discord's nonce window): each may show twice. Alert when it rises.",
      labelNames: ["platform"],
      registers,
    });
    new Gauge({
      name: "kubecon_daily_subscriptions",
      help: "Enabled daily subscriptions, by platform.",
      labelNames: ["platform"],
      registers,
      async collect() {
        this.reset();
        const counts = await fromStore("kubecon_daily_subscriptions", sources.subscriptions);
        for (const [platform, count] of Object.entries(counts ?? {})) this.set({ platform }, count);
      },
    });
    // A gauge read from the store at each scrape rather than a counter bumped at each click: the
    // store holds the votes standing (a second click changes a vote, it adds none), it survives
    // restarts, and every replica sharing a database reports the same figure (aggregate replicas
    // with max, not sum). A per-process counter would reset with each pod and count changed votes twice.
    new Gauge({
      name: "kubecon_feedback_votes",
      help: "Votes standing on search answers, by platform and vote (up, down): one per voter per answer.",
      labelNames: ["platform", "vote"],
      registers,
      async collect() {
        this.reset();
        for (const { platform, vote, count } of (await fromStore("kubecon_feedback_votes", sources.votes)) ?? []) this.set({ platform, vote }, count);
      },
    });
    new Gauge({
      name: "kubecon_corpus_sections",
      help: "Sections in the search index being served.",
      registers,
      collect() {
        this.set(sources.sections());
      },
    });
    new Gauge({
      name: "kubecon_recaps",
      help: "Recaps in the search index being served, by origin: shipped with the bot, or stored (from sources or ingested into the store).",
      labelNames: ["origin"],
      registers,
      collect() {
        this.reset();
        for (const [origin, count] of Object.entries(sources.recaps())) this.set({ origin }, count);
      },
    });
  }

  /** The text exposition format, and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
