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
   * The postable takeaways, best first. Worked out on the first call, code and all (a one-off
   * `kubecon search` never needs them), in turns that leave the event loop free; the same list after.
   */
  takeaways(): Promise<readonly Takeaway[]>;
}
