import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CorpusError } from "../corpus/corpus-error.js";
import type { Logger } from "../log/logger.js";
import { projectRoot } from "../paths.js";
import type { IndexAnswer, IndexJob } from "./index-worker.js";
import { searchDataOf, type SearchData, type SearchSources } from "./snapshot.js";

/**
 * The worker's module: beside this one once compiled; from the TypeScript sources (the tests),
 * the compiled one in dist, as Node runs no TypeScript in a worker.
 */
function workerModule(): string {
  const beside = fileURLToPath(new URL("./index-worker.js", import.meta.url));
  return existsSync(beside) ? beside : join(projectRoot(), "dist", "src", "search", "index-worker.js");
}

/**
 * `loadSearchData` in a worker thread: the corpus is read and indexed there (or its snapshot read),
 * and only the decoding of the finished index runs on this thread, in turns. A corpus error comes
 * back as a CorpusError, with its message for the user.
 */
export function loadSearchDataInWorker(sources: SearchSources, options: { cacheDir?: string; prebuiltDir?: string; logger: Logger }): Promise<SearchData> {
  const job: IndexJob = { sources, cacheDir: options.cacheDir, prebuiltDir: options.prebuiltDir, logLevel: options.logger.level };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerModule(), { workerData: job });
    let answered = false;
    worker.once("message", (answer: IndexAnswer) => {
      answered = true;
      if ("failed" in answer) {
        const { name, message } = answer.failed;
        reject(name === "CorpusError" ? new CorpusError(message) : new Error(`index worker: ${name}: ${message}`));
      } else {
        searchDataOf(answer.parts).then(resolve, reject);
      }
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`index worker exited (code ${code}) without an answer`));
    });
  });
}
