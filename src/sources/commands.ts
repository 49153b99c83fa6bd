import type { Card, Reply } from "../cards/card.js";
import { rich } from "../cards/card.js";
import type { Args, CommandSpec } from "../commands/spec.js";
import { UserError } from "../commands/user-error.js";
import type { RecapStore } from "../store/recap-store.js";
import { plural } from "../text/plural.js";
import { SOURCE_KINDS } from "./detect-kind.js";
import { followSource, unfollowSource } from "./follow.js";
import type { RefreshContext } from "./refresh.js";
import { SourceError } from "./source-error.js";
import { sourceStatus, sourceYields } from "./status.js";

export interface SourcesCommandsOptions {
  /** What a refresh uses (the store, the polite fetcher), asked for when a command runs: registering the command opens nothing. */
  refresh: () => Pick<RefreshContext, "store" | "fetcher" | "now">;
}

const CHANGES = new Set(["add", "remove"]);
const actionOf = (args: Args) => String(args.action ?? "list").toLowerCase();
/** A list longer than this says how many more there are: a card has room for about this many. */
const SHOWN = 20;

/** The `sources [list] | sources add <url> [kind:] [hint:] | sources remove <id>` command. */
export function sourcesCommands(options: SourcesCommandsOptions): CommandSpec[] {
  return [
    {
      name: "sources",
      summary: "The feeds, sitemaps and pages the bot follows for new recaps, and their last refresh",
      examples: ["sources", "sources add https://blog.example/feed.xml", 'sources add https://blog.example/notes kind:page hint:"KubeCon EU 2026"', "sources remove 3"],
      args: [
        { name: "action", description: "list, add or remove", type: "string", positional: true, choices: ["list", "add", "remove"] },
        { name: "target", description: "The address to follow, or the number of the source to remove", type: "string", positional: true, maxLength: 400 },
        { name: "kind", description: "What the address is (detected when left out)", type: "string", choices: SOURCE_KINDS },
        { name: "hint", description: "The event its items are about when they do not say, like KubeCon EU 2026", type: "string", maxLength: 60 },
      ],
      visibility: "ephemeral",
      // Anyone may look; what the bot follows is the managers' to change (the whole corpus reads it).
      needs: (args) => (CHANGES.has(actionOf(args)) ? ["manageSources"] : []),
      run: (args, ctx) => runSources(options, args, ctx.userId),
    },
  ];
}

async function runSources(options: SourcesCommandsOptions, args: Args, userId: string): Promise<Reply> {
  const action = actionOf(args);
  const ctx = options.refresh();
  const target = args.target === undefined ? undefined : String(args.target);
  try {
    if (action === "add") {
      if (!target) throw new UserError("Give the address to follow: sources add https://blog.example/feed.xml");
      const kind = args.kind === undefined ? undefined : String(args.kind).toLowerCase();
      const { source, added } = await followSource({ url: target, ...(kind && { kind }), ...(args.hint !== undefined && { eventHint: String(args.hint) }), addedBy: userId }, ctx);
      const what = `${source.kind}${source.eventHint ? `, event hint ${source.eventHint}` : ""}`;
      return answer(added ? "Source added" : "Already followed", `Source ${source.id}: ${source.url} (${what}). New recaps from it come with the next refresh.`);
    }
    if (action === "remove") {
      if (!target) throw new UserError("Give the number of the source to remove (sources lists them): sources remove 3");
      const source = await unfollowSource(ctx.store, target);
      return answer("Source removed", `Source ${source.id} (${source.url}) is no longer followed; the recaps found through it stay.`);
    }
    if (target) throw new UserError("sources lists them all; to follow an address: sources add <url>");
    return { visibility: "ephemeral", card: await listCard(ctx.store, ctx.now()) };
  } catch (error) {
    // What the source did wrong is the user's to know (and fix), not a failure of ours.
    if (error instanceof SourceError) throw new UserError(error.message);
    throw error;
  }
}

function answer(title: string, text: string): Reply {
  return { visibility: "ephemeral", card: { title, body: [{ text: rich(text) }] } };
}

async function listCard(store: RecapStore, now: Date): Promise<Card> {
  const sources = await store.listSources();
  if (!sources.length) return { title: "Sources", body: [{ text: rich("No source is followed yet. A manager adds one with: sources add https://blog.example/feed.xml") }] };
  const yields = await sourceYields(store, sources);
  return {
    title: "Sources",
    subtitle: `${plural(sources.length, "source")} followed for new recaps`,
    items: sources.slice(0, SHOWN).map((source) => ({
      title: source.url,
      meta: [`source ${source.id}`, source.kind, source.eventHint, yields(source)].filter(Boolean).join(" · "),
      snippet: rich(sourceStatus(source, now)),
    })),
    ...(sources.length > SHOWN && { notice: `And ${sources.length - SHOWN} more: kubecon sources list shows them all.` }),
    footer: "Managers add and remove them: sources add <url>, sources remove <id>",
  };
}
