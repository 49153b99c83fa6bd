import type { Corpus } from "../corpus/corpus.js";
import type { Topic } from "../corpus/topics.js";
import type { SearchEngine } from "../search/engine.js";
import type { Takeaway } from "../takeaways/takeaways.js";

/** What the commands answer from: loaded once at the edge (`src/app/load-bot.ts`), read-only after. */
export interface BotData {
  corpus: Corpus;
  engine: SearchEngine;
  topics: readonly Topic[];
  /**
   * The postable takeaways, best first; worked out on first use (a one-off `kubecon search` never
   * needs them). Readable once `loadTakeaways()` has resolved: a command reading them awaits it first.
   */
  readonly takeaways: readonly Takeaway[];
  /** Loads the code `takeaways` needs when a one-off process (`lazy`) left it out at start; at once otherwise. */
  loadTakeaways(): Promise<void>;
}
