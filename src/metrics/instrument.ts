import { performance } from "node:perf_hooks";
import { wrapRun, type Bot } from "../commands/bot.js";
import type { Poster } from "../daily/poster.js";
import { PostError } from "../daily/poster.js";
import type { Logger } from "../log/logger.js";
import type { SearchEngine } from "../search/engine.js";
import type { Metrics, Outcome } from "./metrics.js";

/** The label of a text that named no command the bot could run (a mistyped command name). */
const UNNAMED = "unknown";

/**
 * The bot, measured: every `run` counts in `kubecon_commands_total` and
 * `kubecon_command_duration_seconds` and writes one info line (platform, command, outcome,
 * duration). The command is the one the bot parsed (`reply.command`, a registry name), never free
 * text, so neither the metrics' labels nor the log line carry what the user typed.
 */
export function measuredBot(bot: Bot, metrics: Metrics, logger: Logger): Bot {
  return wrapRun(bot, (run) => async (text, ctx, options) => {
    const started = performance.now();
    const reply = await run(text, ctx, options);
    const seconds = (performance.now() - started) / 1000;
    const command = reply.command ?? UNNAMED;
    const outcome: Outcome = reply.internal ? "error" : reply.isError ? "user_error" : "ok";
    metrics.commands.inc({ platform: ctx.platform, command, outcome });
    metrics.commandDuration.observe({ platform: ctx.platform, command }, seconds);
    logger.info({ platform: ctx.platform, command, outcome, durationMs: Math.round(seconds * 1e4) / 10 }, "command");
    return reply;
  });
}

/** Times every search of this engine in `kubecon_search_duration_seconds`. */
export function measureSearches(engine: SearchEngine, metrics: Metrics): void {
  const search = engine.search.bind(engine);
  engine.search = (...args) => {
    const end = metrics.searchDuration.startTimer();
    try {
      return search(...args);
    } finally {
      end();
    }
  };
}

/** The poster, counted in `kubecon_daily_posts_total` by platform and outcome; its look-up of earlier posts kept as it is. */
export function measuredPoster(platform: string, poster: Poster, metrics: Metrics): Poster {
  return {
    ...(poster.findPosted && { findPosted: poster.findPosted.bind(poster) }),
    ...(poster.resendWindowMs !== undefined && { resendWindowMs: poster.resendWindowMs }),
    async post(target, card, claimId) {
      try {
        const posted = await poster.post(target, card, claimId);
        metrics.dailyPosts.inc({ platform, outcome: "posted" });
        return posted;
      } catch (error) {
        metrics.dailyPosts.inc({ platform, outcome: error instanceof PostError ? error.kind : "error" });
        throw error;
      }
    },
  };
}
