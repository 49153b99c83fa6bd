import { wrapRun, type Bot } from "../commands/bot.js";

/**
 * Counts commands being answered, whatever brought them (an HTTP request, a Socket Mode or gateway
 * event), so a shutdown can wait for them to finish.
 */
export class InFlight {
  private count = 0;
  private readonly waiters: (() => void)[] = [];

  /** The bot, with every `run` counted until it settles. */
  track(bot: Bot): Bot {
    return wrapRun(bot, (run) => async (text, ctx, options) => {
      this.count++;
      try {
        return await run(text, ctx, options);
      } finally {
        if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    });
  }

  /** Resolves once nothing is running (at once if nothing is). */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
