import type { Bot } from "../commands/bot.js";
import type { LoadedBot } from "../commands/create-bot.js";
import type { BotData } from "../commands/data.js";
import type { Logger } from "../log/logger.js";

/**
 * The bot, with a corpus that can be read again while it serves (SIGHUP, a recap stored by a
 * replica): a new bot is built beside the one in service and swapped in when it is complete. A
 * request already running finishes on the bot it started with; one arriving during the build is
 * served by the old one. A reload that fails (a broken recap folder) is logged and the old index
 * stays in service. Reloads asked for while one runs make one more after it, however many they are.
 */
export class ReloadableBot implements Bot {
  private pending: Promise<boolean> = Promise.resolve(true);
  /** The reload that waits for the running one to end, which every new ask joins. */
  private queued: Promise<boolean> | undefined;

  constructor(
    private current: LoadedBot,
    private readonly load: () => Promise<LoadedBot>,
    private readonly logger: Logger,
    /** Told of every bot swapped in (to measure its searches). */
    private readonly onLoaded: (bot: LoadedBot) => void = () => {},
  ) {
    onLoaded(current);
  }

  get commands(): Bot["commands"] {
    return this.current.commands;
  }

  get data(): BotData {
    return this.current.data;
  }

  run: Bot["run"] = (text, ctx, options) => this.current.run(text, ctx, options);

  visibilityOf: Bot["visibilityOf"] = (text) => this.current.visibilityOf(text);

  complete: Bot["complete"] = (kind, partial) => this.current.complete(kind, partial);

  /** Builds the bot again from its corpus and swaps it in; `why` is logged. Resolves with whether it was swapped. */
  reload(why = "signal"): Promise<boolean> {
    if (this.queued) return this.queued;
    const queued = this.pending.then(async () => {
      this.queued = undefined;
      try {
        const next = await this.load();
        this.onLoaded(next);
        this.current = next;
        this.logger.info({ why, sections: next.data.corpus.sections.length, recaps: next.data.corpus.recaps.length }, "corpus reloaded");
        return true;
      } catch (error) {
        this.logger.error({ err: error, why }, "corpus reload failed; the previous index stays in service");
        return false;
      }
    });
    this.queued = queued;
    this.pending = queued;
    return queued;
  }
}
