#!/usr/bin/env node
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs as parseFlags } from "node:util";
import { renderText, terminalStyle, plainStyle } from "../cards/text.js";
import { createBot, type LoadedBot } from "../commands/create-bot.js";
import { filtersOf } from "../commands/core-commands.js";
import { cleanText, parseArgs, splitWords } from "../commands/grammar.js";
import { UserError } from "../commands/user-error.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { StoreError } from "../store/store-error.js";
import { createLazyLogger } from "../log/logger.js";
import { sectionJson } from "./section-json.js";

const CLI_CONTEXT = { platform: "cli", userId: "cli", channelId: "cli" } as const;

const USAGE = `usage: kubecon <command...>            answer a command (try: kubecon help)
       kubecon search <query> --json [--limit N] [--corpus DIR]
       kubecon search --json --stdin       one query a line in, one JSON object a line out
       kubecon sections --json | takeaways --json
       kubecon feedback --json             the 👍/👎 votes on search answers, one JSON object a line
       kubecon backup <file>               a copy of the SQLite database of daily subscriptions (DATA_DIR)
       kubecon ingest <file.html|file.md|file.txt|https://...> [--dry-run] [--force]
              [--event NAME] [--event-id ID] [--year YYYY] [--location L] [--lang xx]
              [--title T] [--author A] [--source URL] [--corpus DIR]`;

function searchJson(bot: LoadedBot, text: string, limit: number): string {
  const search = bot.commands.find((c) => c.name === "search")!;
  const cleaned = cleanText(text);
  const args = parseArgs(search, splitWords(cleaned));
  const answer = bot.data.engine.search(String(args.query), filtersOf(args), { offset: 0, limit });
  return JSON.stringify({
    query: cleaned,
    total: answer.total,
    ...(answer.suggestion && { suggestion: answer.suggestion }),
    results: answer.hits.map((h) => sectionJson(h.section, { score: h.score, snippet: h.snippet })),
  });
}

async function main(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parseFlags({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean" },
      stdin: { type: "boolean" },
      limit: { type: "string" },
      corpus: { type: "string" },
      event: { type: "string" },
      "event-id": { type: "string" },
      year: { type: "string" },
      location: { type: "string" },
      lang: { type: "string" },
      title: { type: "string" },
      author: { type: "string" },
      source: { type: "string" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const logger = createLazyLogger(process.env.LOG_LEVEL || "warn");
  const corpusDir = flags.corpus ?? (process.env.CORPUS_DIR || undefined);
  const [command, ...rest] = positionals;

  if (command === "ingest") {
    if (rest.length !== 1) throw new UserError("ingest takes one file or URL: kubecon ingest <file|url> [--dry-run] [--event-id ID --year YYYY ...]");
    // Loaded here only: language detection is not needed for anything else.
    const { ingest } = await import("./ingest.js");
    console.log(await ingest(rest[0]!, { ...flags, eventId: flags["event-id"], dryRun: flags["dry-run"], corpusDir }));
    return 0;
  }

  if (command === "feedback") {
    if (!flags.json || rest.length) throw new UserError("feedback prints the votes as JSON lines: kubecon feedback --json");
    const { feedbackLines } = await import("./feedback.js");
    const { openFeedbackStore } = await import("../store/open-store.js");
    const { loadConfig } = await import("../config/config.js");
    const config = loadConfig(process.env);
    if (!config.ok) throw new UserError(config.problems.join("; "));
    const store = openFeedbackStore({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, logger });
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
    const { backupDailyStore } = await import("../store/backup.js");
    const { loadConfig } = await import("../config/config.js");
    const config = loadConfig(process.env);
    if (!config.ok) throw new UserError(config.problems.join("; "));
    console.log(backupDailyStore({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, target: rest[0]! }));
    return 0;
  }

  // The index snapshot lives where the server keeps it (DATA_DIR/cache, DATA_DIR defaulting to
  // "var" as in the configuration), so both reuse one; the configuration module (zod) is not loaded here.
  const bot = await createBot({ corpusDir, cacheDir: join(process.env.DATA_DIR || "var", "cache"), lazy: true, logger });
  if (flags.json) {
    const limit = flags.limit === undefined ? 5 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UserError("--limit must be a whole number from 1 to 1000.");
    if (command === "sections") console.log(bot.data.corpus.sections.map((s) => JSON.stringify(sectionJson(s))).join("\n"));
    else if (command === "takeaways") console.log((await import("../takeaways/takeaways.js")).takeawaysJsonLines(bot.data.corpus.sections, bot.data.topics));
    else if (command === "search" && flags.stdin) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        try {
          console.log(searchJson(bot, line, limit));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          console.log(JSON.stringify({ query: cleanText(line), total: 0, results: [], error: error.message }));
        }
      }
    } else if (command === "search") console.log(searchJson(bot, rest.join(" "), limit));
    else throw new UserError("--json works with search, sections and takeaways.");
    return 0;
  }

  const reply = await bot.run(positionals.join(" "), CLI_CONTEXT);
  const text = renderText(reply.card, process.stdout.isTTY ? terminalStyle : plainStyle);
  if (reply.isError) {
    console.error(text);
    return 1;
  }
  console.log(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof UserError || error instanceof CorpusError || error instanceof StoreError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(known ? `kubecon: ${(error as Error).message}` : `kubecon: unexpected error: ${(error as Error).stack}`);
    if (known && !(error instanceof StoreError)) console.error(USAGE);
    process.exitCode = known ? 2 : 70;
  },
);
