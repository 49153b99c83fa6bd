import type { AdapterContext, RunningAdapter } from "../adapter/adapter.js";
import type { Poster } from "../daily/poster.js";
import type { WantedAdapter } from "./settings.js";
import { startExplained } from "./start-failure.js";

export interface StartedAdapters {
  /** Each running adapter by name. */
  running: ReadonlyMap<string, RunningAdapter>;
  /** The daily posters of those that have one, by adapter name: what the scheduler posts through. */
  posters: Readonly<Record<string, Poster>>;
  /** Stops them all, in reverse order of start. */
  stop(): Promise<void>;
}

/**
 * Starts the wanted adapters one after the other with the same context. If one fails, those
 * already started are stopped and the failure is told in one line (see `startExplained`).
 */
export async function startAdapters(wanted: readonly WantedAdapter[], context: Omit<AdapterContext, "config">): Promise<StartedAdapters> {
  const running = new Map<string, RunningAdapter>();
  const posters: Record<string, Poster> = {};
  const stop = async () => {
    for (const adapter of [...running.values()].reverse()) await adapter.stop();
    running.clear();
  };
  for (const { adapter, config } of wanted) {
    try {
      const started = await startExplained(adapter, () => adapter.start({ ...context, config }));
      running.set(adapter.name, started);
      if (started.poster) posters[adapter.name] = started.poster;
      context.logger.info({ platform: adapter.name, mode: started.mode }, `${adapter.label} ${started.summary}`);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { running, posters, stop };
}
