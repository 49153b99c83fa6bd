import { setTimeout as sleep } from "node:timers/promises";
import { storedRecapName, type RecapText } from "../corpus/stored-recaps.js";
import type { Logger } from "../log/logger.js";
import type { ProgrammeSession } from "../programme/session.js";
import type { RecapStore } from "../store/recap-store.js";

/** How long a start waits for the recap store before serving without its recaps (they follow once it answers). */
const READY_WAIT_MS = 10_000;

/**
 * The recap store's recaps (and programmes) as the corpus reads them, and the way a replica learns they moved: the
 * store's announcements where it makes them (PostgreSQL NOTIFY) and, as the fallback for a missed
 * one and for SQLite, a periodic check of the store's revision.
 */
export class StoredRecaps {
  /** The revision the recaps read last are of; undefined before a read succeeded or after one failed. */
  private revision: number | undefined;
  private texts: readonly RecapText[] = [];
  private sessions: readonly ProgrammeSession[] = [];

  constructor(
    private readonly store: RecapStore,
    private readonly logger: Logger,
  ) {}

  /** Waits for the store to answer, for a while: a start then serves its recaps from the first index. */
  async ready(): Promise<void> {
    const waited = new AbortController();
    const answered = await Promise.race([
      this.store.ready().then(() => true, () => false),
      sleep(READY_WAIT_MS, false, { signal: waited.signal }).catch(() => false),
    ]);
    waited.abort();
    if (!answered) this.logger.warn({ waitedMs: READY_WAIT_MS }, "recap store not answering; serving the shipped recaps until it does");
  }

  /**
   * The stored recaps as recap files, oldest first. When the store does not answer, the ones read
   * last (none before a first read), logged; the next check reads them again.
   */
  async read(): Promise<readonly RecapText[]> {
    try {
      const revision = await this.store.revision();
      const recaps = await this.store.listRecaps();
      this.sessions = await this.store.listProgramme();
      this.texts = recaps.map((recap) => ({ name: storedRecapName(recap.id), text: recap.document }));
      this.revision = revision;
    } catch (error) {
      this.revision = undefined;
      this.logger.warn({ err: error, recaps: this.texts.length, sessions: this.sessions.length }, "recap store did not answer; serving the stored recaps read last");
    }
    return this.texts;
  }

  /** The stored programmes' sessions, as the last `read()` found them (one revision with its recaps). */
  get programme(): readonly ProgrammeSession[] {
    return this.sessions;
  }

  /**
   * Calls `onMoved` when the store's recaps moved past those read last: at once when the store
   * announces it, and at each periodic check otherwise (also after a read failed); with
   * `checkEveryMs` 0, on announcements alone. Returns the way to stop.
   */
  follow(onMoved: (why: "notified" | "periodic check" | "store ready") => void, checkEveryMs: number): () => Promise<void> {
    const moved = (revision: number) => revision !== this.revision;
    let stopWatching: (() => Promise<void>) | undefined;
    let stopped = false;
    const watch = async () => {
      if (!this.store.watch || stopWatching || stopped) return;
      try {
        stopWatching = await this.store.watch((revision) => {
          if (moved(revision)) onMoved("notified");
        });
        if (stopped) await stopWatching();
      } catch (error) {
        this.logger.warn({ err: error }, "cannot listen for recap changes yet; the periodic check stands in");
      }
    };
    const check = async (why: "periodic check" | "store ready") => {
      try {
        if (moved(await this.store.revision())) onMoved(why);
      } catch (error) {
        this.logger.warn({ err: error }, "recap store did not answer the check for changes");
      }
      await watch();
    };
    void this.store.ready().then(() => check("store ready"), () => undefined);
    const timer = checkEveryMs > 0 ? setInterval(() => void check("periodic check"), checkEveryMs).unref() : undefined;
    return async () => {
      stopped = true;
      clearInterval(timer);
      await stopWatching?.();
    };
  }
}
