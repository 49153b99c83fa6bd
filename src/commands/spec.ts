import type { Reply, Visibility } from "../cards/card.js";
import type { CommandHelp } from "../cards/help-card.js";
import type { Capabilities, Capability, CommandContext, RunOptions } from "./context.js";

/**
 * One argument of a command. Positional arguments are written in order in command text
 * (`daily on 09:00 Europe/Paris`); the others as `name:value` filters (`year:2022`,
 * `speaker:"Liz Rice"`). A `rest` argument takes whatever text is left.
 */
export interface ArgSpec {
  name: string;
  description: string;
  type: "string" | "integer";
  positional?: boolean;
  rest?: boolean;
  required?: boolean;
  /** The only accepted values (matched case-insensitively). */
  choices?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** What a platform with autocomplete should offer for this argument. */
  autocomplete?: CompletionKind;
}

export type CompletionKind = "query" | "event" | "talk" | "topic";

/** Parsed argument values by name; integers arrive as numbers. */
export type Args = Record<string, string | number | undefined>;

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** One line for help and for Discord's subcommand description (at most 100 characters). */
  summary: string;
  examples: readonly string[];
  args: readonly ArgSpec[];
  /** Who sees the answer, given the arguments (`daily status` the asker, `daily on` the channel). */
  visibility: Visibility | ((args: Args) => Visibility);
  /** What running it with these arguments needs of the asker and the place; the core refuses otherwise. */
  needs?(args: Args): readonly Capability[];
  /** Left out of help and menus (the buttons' own commands). */
  hidden?: boolean;
  /** How help shows it in a place with these capabilities; `undefined` leaves it out. Its own fields when absent. */
  help?(can: Capabilities): CommandHelp | undefined;
  run(args: Args, ctx: CommandContext, options: RunOptions): Promise<Reply> | Reply;
}

/** An autocomplete choice: what the user sees and what is inserted. */
export interface Choice {
  name: string;
  value: string;
}
