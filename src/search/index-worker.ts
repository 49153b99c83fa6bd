/**
 * The worker thread that loads the corpus and builds its index (see loadSearchDataInWorker), so
 * the thread serving requests is not blocked for the seconds a large corpus takes. It answers with
 * the index as a snapshot in memory, its buffers transferred, not copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createLogger } from "../log/logger.js";
import { loadSearchData, snapshotParts, type SearchSources } from "./snapshot.js";

export interface IndexJob {
  sources: SearchSources;
  cacheDir?: string;
  prebuiltDir?: string;
  logLevel: string;
}

/** What the worker answers: the index, or why it could not be built (the error's class name and message). */
export type IndexAnswer = { parts: ReturnType<typeof snapshotParts> } | { failed: { name: string; message: string } };

const job = workerData as IndexJob;
try {
  const data = await loadSearchData(job.sources, { cacheDir: job.cacheDir, prebuiltDir: job.prebuiltDir, logger: createLogger(job.logLevel) });
  const parts = snapshotParts("", data);
  parentPort!.postMessage({ parts } satisfies IndexAnswer, [parts.kept.buffer, parts.rest.buffer]);
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  parentPort!.postMessage({ failed: { name, message } } satisfies IndexAnswer);
}
