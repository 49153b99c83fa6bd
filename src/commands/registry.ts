import type { Visibility } from "../cards/card.js";
import type { CommandHelp } from "../cards/help-card.js";
import type { SearchEngine } from "../search/engine.js";
import { editDistance } from "../search/levenshtein.js";
import { fold } from "../text/fold.js";
import type { Capabilities } from "./context.js";
import type { Args, CommandSpec } from "./spec.js";

/**
 * The commands in the order given (help order, platform menus), found by name or alias. The
 * first command takes text that names no command: `ebpf` is `search ebpf`.
 */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec>();

  constructor(
    readonly commands: readonly CommandSpec[],
    /** Knows the corpus's words: a first word it knows is a search, not a mistyped command. */
    private readonly engine: Pick<SearchEngine, "knows">,
  ) {
    if (commands.length === 0) throw new Error("a command registry needs at least one command");
    for (const spec of commands) {
      for (const name of [spec.name, ...(spec.aliases ?? [])]) {
        if (this.byName.has(name)) throw new Error(`two commands are called "${name}"`);
        this.byName.set(name, spec);
      }
    }
  }

  /** What text naming no command runs. */
  get fallback(): CommandSpec {
    return this.commands[0]!;
  }

  find(word: string): CommandSpec | undefined {
    return this.byName.get(word.toLowerCase());
  }

  /** A first word that is neither a command nor a word of the corpus, but close to a command's name: a typo. */
  mistyped(word: string): string | undefined {
    if (word.length < 4 || this.engine.knows(word)) return undefined;
    const folded = fold(word);
    return this.commands
      .filter((c) => !c.hidden)
      .map((c) => c.name)
      .find((name) => {
        const allowed = name.length > 5 ? 2 : 1;
        return editDistance(folded, name, allowed) <= allowed;
      });
  }

  /** The commands as help shows them in a place with these capabilities. */
  helpFor(can: Capabilities): CommandHelp[] {
    return this.commands.filter((c) => !c.hidden).flatMap((c) => {
      const shown = c.help ? c.help(can) : c;
      return shown ? [shown] : [];
    });
  }
}

/** Who sees a command's answer, given its arguments. */
export function visibilityOf(spec: CommandSpec, args: Args): Visibility {
  return typeof spec.visibility === "function" ? spec.visibility(args) : spec.visibility;
}
