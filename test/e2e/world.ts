import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppBot } from "../../src/app/app-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import type { Poster } from "../../src/daily/poster.js";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { openSqliteDailyStore, type SqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { FakeClock } from "../daily/helpers.js";

/**
 * What `npm start` wires together, minus the platforms: the app bot (core + daily commands) and
 * daily schedulers over one SQLite file in a temp dir, all reading one virtual clock.
 */
export interface DailyWorld {
  clock: FakeClock;
  /** The connection the bot's daily commands use. */
  store: SqliteDailyStore;
  bot: LoadedBot;
  /** A scheduler as a process would build it; `separateConnection` opens its own connection to the same file, like a second replica. */
  scheduler(posters: Record<string, Poster>, logger: Logger, options?: { separateConnection?: boolean }): DailyScheduler;
  takeaway(id: string | undefined): Takeaway;
  close(): Promise<void>;
}

export async function dailyWorld(start: string): Promise<DailyWorld> {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-e2e-"));
  const clock = new FakeClock(start);
  const store = openSqliteDailyStore(dir);
  const connections: SqliteDailyStore[] = [store];
  const feedback = openSqliteFeedbackStore(dir);
  const bot = await createAppBot({ corpusDir: "data/recaps", logger: createLogger("silent"), store, feedback, clock });
  const takeaways = await bot.data.takeaways();
  return {
    clock,
    store,
    bot,
    scheduler(posters, logger, { separateConnection = false } = {}) {
      let schedulerStore = store;
      if (separateConnection) connections.push((schedulerStore = openSqliteDailyStore(dir)));
      return new DailyScheduler({ store: schedulerStore, takeaways: () => bot.data.takeaways(), posters, clock, logger });
    },
    takeaway(id) {
      const found = takeaways.find((takeaway) => takeaway.id === id);
      if (!found) throw new Error(`no takeaway with id ${String(id)}`);
      return found;
    },
    async close() {
      for (const connection of connections) await connection.close();
      await feedback.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
