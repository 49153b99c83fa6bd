/** Something the user can fix: its message is shown in chat as it is, short and clear. */
export class UserError extends Error {
  override name = "UserError";
}
