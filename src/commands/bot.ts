import type { Reply, Visibility } from "../cards/card.js";
import type { CommandContext, RunOptions } from "./context.js";
import type { Choice, CommandSpec, CompletionKind } from "./spec.js";

/** What every front end (terminal, chat adapters) talks to. */
export interface Bot {
  /** Every command, in help order: drives parsing, help and platforms' command definitions. */
  readonly commands: readonly CommandSpec[];
  /**
   * Runs one command written in the shared grammar (`search ebpf year:2022`, `talk <id>`, ...).
   * Never rejects: a user's mistake, a refusal and our own failure (logged) all come back as an
   * error card, so a front end needs no try/catch of its own.
   */
  run(text: string, ctx: CommandContext, options?: RunOptions): Promise<Reply>;
  /** Who will see the answer to a command text: known before it runs, for a platform's deferral. */
  visibilityOf(text: string): Visibility;
  /** Autocomplete choices for what has been typed so far (at most 25). */
  complete(kind: CompletionKind, partial: string): Choice[];
}

/** The bot with its `run` wrapped (counted, measured): everything else passes through, getters included. */
export function wrapRun(bot: Bot, run: (inner: Bot["run"]) => Bot["run"]): Bot {
  return {
    get commands() {
      return bot.commands;
    },
    complete: (kind, partial) => bot.complete(kind, partial),
    visibilityOf: (text) => bot.visibilityOf(text),
    run: run((text, ctx, options) => bot.run(text, ctx, options)),
  };
}
