import type { Bot } from "../commands/bot.js";
import type { LoadedBot } from "../commands/create-bot.js";
import type { BotData } from "../commands/data.js";
import type { Logger } from "../log/logger.js";

/**
 * The bot, with a corpus that can be read again while it serves (SIGHUP): a new bot is built
 * beside the one in service and swapped in when it is complete. A request already running finishes
 * on the bot it started with; one arriving during the build is served by the old one. A reload
 * that fails (a broken recap folder) is logged and the old index stays in service.
 */
export class ReloadableBot implements Bot {
  private pending: Promise<boolean> = Promise.resolve(true);

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

  /** Builds the bot again from the corpus folder and swaps it in; reloads asked meanwhile run after. */
  reload(): Promise<boolean> {
    this.pending = this.pending.then(async () => {
      try {
        const next = await this.load();
        this.onLoaded(next);
        this.current = next;
        this.logger.info({ sections: next.data.corpus.sections.length, recaps: next.data.corpus.recaps.length }, "corpus reloaded");
        return true;
      } catch (error) {
        this.logger.error({ err: error }, "corpus reload failed; the previous index stays in service");
        return false;
      }
    });
    return this.pending;
  }
}
