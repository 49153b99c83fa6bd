import { readFileSync, statSync } from "node:fs";
import { UserError } from "../commands/user-error.js";
import { loadConfig } from "../config/config.js";
import { INPUT_LIMITS, tooBig } from "../corpus/input-limits.js";
import { isUrl } from "../corpus/read-source.js";
import type { Logger } from "../log/logger.js";
import { ProgrammeError } from "../programme/programme-error.js";
import { importProgramme } from "../sources/programme-import.js";
import { configuredRefresh, sourceFetcher } from "../sources/refresher.js";
import { PROGRAMME_ACCEPT } from "../sources/refresh.js";
import { programmeMoved } from "../store/recap-store.js";
import { plural } from "../text/plural.js";
import { openConfiguredRecapStore } from "./configured-store.js";
import type { Flags } from "./flags.js";

const USAGE = "kubecon programme import <file.ics|https://…/all.ics> [--event-id eu-2026] [--dry-run]";

/** The export's text: a file, or an address fetched as a source is (robots.txt, pacing, the address policy, size limits). */
async function exportText(input: string): Promise<{ text: string; name: string }> {
  if (isUrl(input)) {
    const config = loadConfig(process.env);
    if (!config.ok) throw new UserError(config.problems.join("; "));
    const fetcher = sourceFetcher(configuredRefresh(config.value));
    try {
      const fetched = await fetcher.fetch({ url: input, accept: PROGRAMME_ACCEPT });
      if (fetched.status !== "fetched") throw new UserError(`${input} sent nothing to read.`);
      return { text: fetched.text, name: fetched.url };
    } finally {
      await fetcher.close();
    }
  }
  let size: number;
  try {
    size = statSync(input).size;
  } catch {
    throw new UserError(`No file ${input}: give the path of an .ics file or its https:// address.`);
  }
  if (size > INPUT_LIMITS.maxBytes) throw new UserError(tooBig(input, INPUT_LIMITS));
  return { text: readFileSync(input, "utf8"), name: input };
}

/**
 * `kubecon programme import`: an event's programme from its schedule site's iCalendar export, into
 * the recap store the configuration names (DATABASE_URL, else DATA_DIR), which every replica serves.
 */
export async function programmeCommand(words: readonly string[], flags: Flags, logger: Logger): Promise<string> {
  const [action, input, ...extra] = words;
  if (action !== "import" || !input || extra.length) throw new UserError(`usage: ${USAGE}`);
  const { text, name } = await exportText(input);
  const store = flags["dry-run"] ? undefined : await openConfiguredRecapStore(logger);
  try {
    const { programme, change } = await importProgramme(text, name, { ...(store && { store }), ...(flags["event-id"] && { eventId: flags["event-id"] }) });
    const tracks = new Set(programme.sessions.map((s) => s.track).filter(Boolean)).size;
    const read = `The programme of ${programme.event} (${programme.name}): ${plural(programme.sessions.length, "talk")} in ${plural(tracks, "track")}, times in ${programme.timeZone}; ${plural(programme.logistics.length, "entry", "entries")} left out as logistics (badge pick-up, breaks, registration notices).`;
    if (!change) return `${read}\n(dry run: nothing stored)`;
    const moved = programmeMoved(change);
    return `${read}\n${moved ? "Stored" : "Already stored, unchanged"}: ${change.added} added, ${change.changed} changed, ${change.removed} removed, ${change.unchanged} unchanged.${moved ? " Every replica serves it within a minute." : ""}`;
  } catch (error) {
    if (error instanceof ProgrammeError) throw new UserError(error.message);
    throw error;
  } finally {
    await store?.close();
  }
}
