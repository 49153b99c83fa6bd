/** A programme that cannot be imported for a reason its user can fix: the message says which. */
export class ProgrammeError extends Error {
  override name = "ProgrammeError";
}
