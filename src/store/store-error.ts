/**
 * A storage problem someone has to fix (a folder that cannot be written, a full disk, a damaged
 * file, a database newer than this release): its message is the one line printed at start, naming
 * the file or server and what to do.
 */
export class StoreError extends Error {
  override name = "StoreError";
}

/**
 * A write refused because the store cannot keep it (its file removed or replaced while the bot
 * runs, a full disk): `message` is the short answer for chat, `reason` what /readyz and the log say.
 * The store logs it once, when it starts; the callers need not log every refusal.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";

  constructor(readonly reason: string) {
    super("This could not be saved: the bot's storage is unavailable right now. Please try again later.");
  }
}
