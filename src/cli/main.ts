#!/usr/bin/env node
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadBot } from "../app/load-bot.js";
import { renderText, terminalStyle, plainStyle } from "../cards/text.js";
import { TERMINAL, type CommandContext } from "../commands/context.js";
import { UserError } from "../commands/user-error.js";
import { commandLineLogFormat } from "../config/log-format.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { RECAPS_FILE } from "../store/recaps-file.js";
import { StoreError } from "../store/store-error.js";
import { createLazyLogger } from "../log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../paths.js";
import { writePrebuiltSnapshot } from "../search/snapshot.js";
import { OPTION_HELP, limitOf, momentOf, readFlags, type Flags } from "./flags.js";

const CLI_CONTEXT: CommandContext = { platform: "cli", userId: "cli", channelId: "cli", can: TERMINAL };

const USAGE = `usage: kubecon <command...>            answer a command as text (try: kubecon help)
       kubecon search <query> [--json] [--limit N] [--corpus DIR]
       kubecon search [--json] --stdin      one query a line in, one answer a line (or object) out
       kubecon sections --json | takeaways --json
       kubecon feedback --json             the 👍/👎 votes on search answers, one JSON object a line
       kubecon backup <file>               copies of the SQLite databases (DATA_DIR): daily subscriptions
                                           to <file>; recaps, votes, installations to <file>.recaps.db …
       kubecon index [--corpus DIR]        the index snapshot a container image ships (index/, read first)
       kubecon ingest <file.html|file.md|file.txt|folder|https://...>... [--dry-run] [--force]
              [--event NAME] [--event-id ID] [--year YYYY] [--location L] [--lang xx]
              [--title T] [--author A] [--source URL] [--corpus DIR]
       kubecon sources add <url> [--kind feed|sitemap|page|list|programme] [--event-hint "KubeCon EU 2026"]
       kubecon sources list | sources remove <id>   the feeds, sitemaps, pages and lists followed
       kubecon refresh [--dry-run]         fetch every source now and store the recaps found
       kubecon programme import <file.ics|https://…/all.ics> [--event-id eu-2026] [--dry-run]
                                           an event's programme (its schedule's iCalendar export) into the store
       kubecon now|next|today [topic] [--at 2026-03-24T10:00+01:00]   the programme at a moment

options:
${OPTION_HELP}`;

const style = () => (process.stdout.isTTY ? terminalStyle : plainStyle);

/** Standard input, a line at a time (readline loaded only then: every module costs a cold start). */
const inputLines = async () => (await import("node:readline")).createInterface({ input: process.stdin, crlfDelay: Infinity });

/** What an option does not work with: said before anything is loaded. */
function checkCombination(flags: Flags, command: string | undefined): void {
  const json = new Set(["search", "sections", "takeaways", "feedback"]);
  if (flags.json && !json.has(command ?? "")) throw new UserError("--json works with search, sections, takeaways and feedback");
  if ((flags.limit !== undefined || flags.stdin) && command !== "search") {
    throw new UserError(`${flags.stdin ? "--stdin" : "--limit"} works with search only: kubecon search <query> ${flags.stdin ? "--stdin" : "--limit 3"}`);
  }
  if ((flags.kind !== undefined || flags["event-hint"] !== undefined) && command !== "sources") {
    throw new UserError("--kind and --event-hint go with sources add: kubecon sources add <url> --kind feed --event-hint \"KubeCon EU 2026\"");
  }
  if (flags.at !== undefined && !["now", "next", "today"].includes(command ?? "")) {
    throw new UserError("--at goes with now, next and today: kubecon now ebpf --at 2026-03-24T10:00+01:00");
  }
  if (command === "sections" || command === "takeaways" || command === "feedback") {
    if (!flags.json) throw new UserError(`${command} prints JSON lines: kubecon ${command} --json`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { flags, words } = readFlags(argv);
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = words;
  checkCombination(flags, command);
  const limit = limitOf(flags);
  const at = momentOf(flags);
  // LOG_FORMAT as the service reads it (json, or pretty where pino-pretty is installed).
  const logFormat = commandLineLogFormat(process.env.LOG_FORMAT);
  if ("problem" in logFormat) throw new UserError(logFormat.problem);
  const logger = createLazyLogger(process.env.LOG_LEVEL || "warn", logFormat.format);
  const corpusDir = flags.corpus ?? (process.env.CORPUS_DIR || undefined);

  if (command === "ingest") {
    if (!rest.length) throw new UserError("ingest takes files, folders or URLs: kubecon ingest <file|folder|url>... [--dry-run] [--event-id ID --year YYYY ...]");
    // Loaded here only: language detection is not needed for anything else.
    const { ingest, ingestMany, isOneRecap } = await import("./ingest.js");
    for (const name of ["title", "author", "source"] as const) {
      if (!isOneRecap(rest) && flags[name] !== undefined) throw new UserError(`--${name} names one recap: ingest that one alone with it`);
    }
    // Where a store is configured (DATABASE_URL, or DATA_DIR as the image sets it) the recap goes to
    // the recap store, which every replica serves; a corpus folder named (--corpus, CORPUS_DIR), or
    // neither, gets a corpus file.
    const intoStore = corpusDir === undefined && (process.env.DATABASE_URL || process.env.DATA_DIR);
    const store = intoStore ? await (await import("./configured-store.js")).openConfiguredRecapStore(logger) : undefined;
    try {
      const options = { ...flags, eventId: flags["event-id"], dryRun: flags["dry-run"], corpusDir, ...(store && { store }) };
      if (isOneRecap(rest)) {
        console.log(await ingest(rest[0]!, options));
        return 0;
      }
      // On a terminal, one line that says which input is being read, rewritten as they go.
      const progress = process.stderr.isTTY
        ? (done: number, total: number, input: string) => process.stderr.write(done < total ? `\r\x1b[K[${done + 1}/${total}] ${input.slice(-70)}` : "\r\x1b[K")
        : undefined;
      const { output, failed } = await ingestMany(rest, options, progress);
      console.log(output);
      return failed ? 2 : 0;
    } finally {
      await store?.close();
    }
  }

  if (command === "sources" || command === "refresh") {
    const { sourcesCommand } = await import("./sources.js");
    console.log(await sourcesCommand(command, rest, flags, logger));
    return 0;
  }

  if (command === "programme") {
    const { programmeCommand } = await import("./programme.js");
    console.log(await programmeCommand(rest, flags, logger));
    return 0;
  }

  if (command === "feedback") {
    if (rest.length) throw new UserError("feedback takes no words: kubecon feedback --json");
    const { feedbackLines } = await import("./feedback.js");
    const { openFeedbackStore } = await import("../store/open-store.js");
    const { loadConfig } = await import("../config/config.js");
    const config = loadConfig(process.env);
    if (!config.ok) throw new UserError(config.problems.join("; "));
    const store = openFeedbackStore({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, logger, giveUpAfterMs: 5_000 });
    try {
      await store.ready();
      const lines = await feedbackLines(store);
      if (lines.length) console.log(lines.join("\n"));
    } finally {
      await store.close();
    }
    return 0;
  }

  if (command === "backup") {
    if (rest.length !== 1) throw new UserError("backup takes the file to write: kubecon backup <file>");
    const { backupStores } = await import("../store/backup.js");
    const { loadConfig } = await import("../config/config.js");
    const config = loadConfig(process.env);
    if (!config.ok) throw new UserError(config.problems.join("; "));
    console.log(backupStores({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, target: rest[0]! }));
    return 0;
  }

  if (command === "index") {
    if (rest.length) throw new UserError("index takes no words: kubecon index [--corpus DIR]");
    const written = await writePrebuiltSnapshot({ corpusDir: corpusDir ?? defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile() });
    console.log(`Index snapshot of ${written.sections} sections written to ${written.file} (read before DATA_DIR/cache).`);
    return 0;
  }

  // The index snapshot lives where the server keeps it (DATA_DIR/cache, DATA_DIR defaulting to
  // "var" as in the configuration), so both reuse one; the configuration module (zod) is not loaded here.
  const dataDir = process.env.DATA_DIR || "var";
  // Shipped and stored recaps, as the service serves them, unless a corpus folder is named (as for
  // ingest). Without DATABASE_URL or a recaps.db, a search looks no further than one file's existence.
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const fromStore = corpusDir === undefined && (databaseUrl !== undefined || existsSync(join(dataDir, RECAPS_FILE)));
  const { recaps: stored, programme } = fromStore ? await (await import("./stored-recap-texts.js")).readStoredRecaps({ dataDir, ...(databaseUrl && { databaseUrl }) }, logger) : { recaps: [], programme: [] };
  const bot = await loadBot({ corpusDir, cacheDir: join(dataDir, "cache"), logger, stored, programme, ...(at && { now: () => at }) });
  // What only some commands print is loaded by them alone, so a plain `kubecon search` loads less.
  if (command === "sections") {
    const { sectionJson } = await import("./section-json.js");
    console.log(bot.data.corpus.sections.map((s) => JSON.stringify(sectionJson(s))).join("\n"));
  }
  else if (command === "takeaways") console.log((await import("../takeaways/takeaways.js")).takeawaysJsonLines(bot.data.corpus.sections, bot.data.topics));
  else if (command === "search" && flags.stdin) {
    if (rest.length) throw new UserError("with --stdin the queries come from standard input, one a line: kubecon search --stdin");
    // One answer per line; a line's mistake is part of the output, and the others still run.
    const { searchJson, searchText } = await import("./search-output.js");
    for await (const line of await inputLines()) {
      try {
        console.log(flags.json ? searchJson(bot, line, limit) : `${searchText(bot, line, limit, style())}\n`);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        console.log(flags.json ? JSON.stringify({ query: line.trim(), total: 0, results: [], error: error.message }) : `${line.trim()}: ${error.message}\n`);
      }
    }
  } else if (command === "search" && (flags.json || flags.limit !== undefined)) {
    const { searchJson, searchText } = await import("./search-output.js");
    const text = rest.join(" ");
    console.log(flags.json ? searchJson(bot, text, limit) : searchText(bot, text, limit, style()));
  } else {
    const reply = await bot.run(words.join(" "), CLI_CONTEXT);
    if (reply.isError) throw new UserError(reply.card.notice ?? reply.card.title);
    console.log(renderText(reply.card, style()));
  }
  return 0;
}

// Errors: with --json one JSON line on standard output, otherwise one line on standard error.
const jsonOutput = process.argv.slice(2).includes("--json");
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof UserError || error instanceof CorpusError || error instanceof StoreError;
    const message = known ? (error as Error).message : `unexpected error: ${(error as Error).message}`;
    if (jsonOutput) console.log(JSON.stringify({ error: message }));
    else console.error(`kubecon: ${message.replace(/\s+/g, " ")}`);
    if (!known) console.error((error as Error).stack);
    process.exitCode = known ? 2 : 70;
  },
);
