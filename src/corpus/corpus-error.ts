/**
 * A corpus directory that cannot be used at all; the message is meant for the user. Its own module
 * so that the command line can tell it apart without loading the recap parser.
 */
export class CorpusError extends Error {
  override name = "CorpusError";
}
