import { CorpusError } from "../corpus/corpus-error.js";

/**
 * A source that cannot be read: `refused` when what it sent is hostile or is no recap (retrying
 * changes nothing), `failed` when it could not be reached or answered an error (worth retrying).
 * The message says why, for the person who added it.
 */
export class SourceError extends CorpusError {
  override name = "SourceError";

  constructor(message: string, readonly result: "refused" | "failed" = "refused") {
    super(message);
  }
}
