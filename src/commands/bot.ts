import type { Reply } from "../cards/card.js";
import type { CommandContext, RunOptions } from "./context.js";
import type { Choice, CommandSpec, CompletionKind } from "./spec.js";

/** What every front end (terminal, Slack, Discord) talks to. */
export interface Bot {
  /** Every command, in help order: drives parsing, help and Discord's command definitions. */
  readonly commands: readonly CommandSpec[];
  /** Runs one command written in the shared grammar (`search ebpf year:2022`, `talk <id>`, ...). */
  run(text: string, ctx: CommandContext, options?: RunOptions): Promise<Reply>;
  /** Autocomplete choices for what has been typed so far (at most 25). */
  complete(kind: CompletionKind, partial: string): Choice[];
}
