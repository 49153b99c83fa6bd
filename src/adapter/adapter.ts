import type { Bot } from "../commands/bot.js";
import type { ConfigRead, Env } from "../config/env.js";
import type { Poster } from "../daily/poster.js";
import type { HttpHost } from "../http/server.js";
import type { Logger } from "../log/logger.js";
import type { DailyStore } from "../store/daily-store.js";

/**
 * A chat platform, as the core sees it: the one seam between `src/` and `adapters/<platform>/`.
 *
 * An adapter module reads its own variables from the environment, and when they are set it starts
 * a front end that turns the platform's events into `bot.run(text, ctx)` and renders the `Reply`
 * within the platform's limits. `adapters/index.ts` lists the modules; `src/main.ts` loops over that
 * list, so a new platform is a new folder and one line there, with no change to the core.
 *
 * The required set is small on purpose; what a platform may lack is optional (a platform that
 * cannot post into a channel later has no `poster`, and its channels get no daily takeaways).
 */
export interface Adapter<Config = unknown> {
  /** Lowercase and stable ("slack"): logs, `CommandContext.platform`, the daily subscriptions' platform. */
  readonly name: string;
  /** How people call it ("Slack"), in messages. */
  readonly label: string;
  /**
   * Reads this adapter's variables (an empty one counts as unset). Nothing when none of them is
   * set: the platform is not wanted. Every problem at once otherwise, each one line naming the
   * variable and what to set it to.
   */
  fromEnv(env: Env): ConfigRead<Config | undefined>;
  /**
   * Connects to the platform (or mounts its endpoint on `context.http`) and starts answering.
   * Rejects when the platform refuses the credentials or cannot be reached; see `startHints`.
   */
  start(context: AdapterContext<Config>): Promise<RunningAdapter>;
  /** What a failed start tells the user to check, in their words: the credentials, and the address. */
  readonly startHints: { credentials: string; address: string };
  /** Its variables that hold secrets: their values are redacted from every log line. */
  readonly secrets: readonly string[];
}

/**
 * What an adapter is started with. An object, so the process can hand adapters more (metrics, a
 * readiness registry) without changing any adapter that does not use it.
 */
export interface AdapterContext<Config = unknown> {
  /** What `fromEnv` returned. */
  config: Config;
  bot: Bot;
  logger: Logger;
  /** The process's one HTTP server: an adapter mounts its paths here and never listens itself. */
  http: HttpHost;
  store: DailyStore;
}

/** A started adapter. */
export interface RunningAdapter {
  /** How it is connected ("http", "socket", "gateway"): the start line's `mode` field. */
  readonly mode: string;
  /** What started, in a person's words after the platform's label: "over HTTP, 1 workspace". */
  readonly summary: string;
  /** Delivers daily takeaways into this platform's channels; absent when the platform cannot. */
  readonly poster?: Poster;
  /** Whether it can serve requests right now (connected, endpoint mounted): for readiness checks. */
  ready(): boolean;
  /** Disconnects; the HTTP server belongs to the process and is closed by it. */
  stop(): Promise<void>;
}
