import { hostname } from "node:os";
import { UserError } from "../commands/user-error.js";
import { loadConfig } from "../config/config.js";
import type { Logger } from "../log/logger.js";
import { followSource, unfollowSource } from "../sources/follow.js";
import { configuredRefresh, refreshContext } from "../sources/refresher.js";
import { refreshUnderLease } from "../sources/refresh-run.js";
import { reportLines, sourceStatus, sourceYields } from "../sources/status.js";
import { openRecapStore } from "../store/open-store.js";
import type { RecapStore } from "../store/recap-store.js";
import type { Flags } from "./flags.js";

const USAGE = "kubecon sources add <url> [--kind feed|sitemap|page|list|programme] [--event-hint \"KubeCon EU 2026\"] | sources list | sources remove <id> | refresh [--dry-run]";

/** `kubecon sources add|list|remove` and `kubecon refresh`, against the store the configuration names. */
export async function sourcesCommand(command: "sources" | "refresh", words: readonly string[], flags: Flags, logger: Logger): Promise<string> {
  const config = loadConfig(process.env);
  if (!config.ok) throw new UserError(config.problems.join("; "));
  const store = openRecapStore({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, logger, giveUpAfterMs: 5_000 });
  const ctx = refreshContext({ store, logger, ...configuredRefresh(config.value), dryRun: flags["dry-run"] === true });
  try {
    await store.ready();
    if (command === "refresh") {
      if (words.length) throw new UserError(`refresh takes no words: ${USAGE}`);
      const reports = await refreshUnderLease(ctx, `cli:${hostname()}:${process.pid}`, { all: true });
      if (!reports) throw new UserError("Another replica is refreshing the sources right now: try again in a few minutes.");
      if (!reports.length) return "No source is followed yet: kubecon sources add <url>";
      return [...reports.flatMap(reportLines), ...(flags["dry-run"] ? ["(dry run: nothing stored)"] : [])].join("\n");
    }
    const [action, ...rest] = words;
    if (action === "add" && rest.length === 1) {
      const { source, added } = await followSource({ url: rest[0]!, ...(flags.kind && { kind: flags.kind }), ...(flags["event-hint"] && { eventHint: flags["event-hint"] }), addedBy: "cli" }, ctx);
      return `${added ? "Following" : "Already following"} source ${source.id}: ${source.url} (${source.kind}${source.eventHint ? `, event hint ${source.eventHint}` : ""}). Its recaps come with the next refresh (kubecon refresh).`;
    }
    if (action === "remove" && rest.length === 1) {
      const source = await unfollowSource(store, rest[0]!);
      return `Source ${source.id} (${source.url}) is no longer followed; the recaps found through it stay.`;
    }
    if ((action === "list" || action === undefined) && rest.length === 0) return await listing(store, ctx.now());
    throw new UserError(`usage: ${USAGE}`);
  } finally {
    await ctx.fetcher.close();
    await store.close();
  }
}

async function listing(store: RecapStore, now: Date): Promise<string> {
  const sources = await store.listSources();
  if (!sources.length) return "No source is followed yet: kubecon sources add <url>";
  const yields = await sourceYields(store, sources);
  return sources
    .map((s) => [`${s.id} ${s.url} (${s.kind}${s.eventHint ? `, ${s.eventHint}` : ""})`, yields(s), sourceStatus(s, now)].filter(Boolean).join(" · "))
    .join("\n");
}
