/**
 * A storage problem someone has to fix (a folder that cannot be written, a full disk, a damaged
 * file, a database newer than this release): its message is the one line printed at start, naming
 * the file or server and what to do.
 */
export class StoreError extends Error {
  override name = "StoreError";
}
