import type { LoadedBot } from "../commands/create-bot.js";
import { CorpusError } from "../corpus/corpus-error.js";

/** Why a corpus of no section cannot serve: /readyz's reason while it has none. */
export const NO_SECTION = "no section: the corpus has no recap that loads";

/**
 * The bot, when its corpus has sections or ALLOW_EMPTY_CORPUS allows none. A bot with no section
 * answers "No talk matched" to everyone; a start that looks fine while doing that is refused.
 */
export function requireSections(bot: LoadedBot, { corpusDir, allowEmptyCorpus }: { corpusDir: string; allowEmptyCorpus: boolean }): LoadedBot {
  if (bot.data.corpus.sections.length > 0 || allowEmptyCorpus) return bot;
  throw new CorpusError(
    `the corpus in ${corpusDir} has no section (no recap .md file, or none that loads): add recaps, or set ALLOW_EMPTY_CORPUS=1 to start without any`,
  );
}
