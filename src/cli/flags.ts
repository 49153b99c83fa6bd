import { parseArgs } from "node:util";
import { UserError } from "../commands/user-error.js";

/** Every option of the command line, with what `--help` says of it. */
const OPTIONS = {
  json: { type: "boolean", help: "machine-readable output (search, sections, takeaways, feedback)" },
  stdin: { type: "boolean", help: "search: one query a line from standard input" },
  limit: { type: "string", help: "search: how many results (1 to 1000; default 5)" },
  corpus: { type: "string", help: "another recap folder (default data/recaps)" },
  event: { type: "string", help: "ingest: the event's name" },
  "event-id": { type: "string", help: "ingest, programme import: the event id (eu-2024)" },
  year: { type: "string", help: "ingest: the year" },
  location: { type: "string", help: "ingest: the city" },
  lang: { type: "string", help: "ingest: the language (en, fr)" },
  title: { type: "string", help: "ingest: the recap's title" },
  author: { type: "string", help: "ingest: the recap's author" },
  source: { type: "string", help: "ingest: the recap's URL" },
  "dry-run": { type: "boolean", help: "ingest, refresh, programme import: say what would be stored, store nothing" },
  kind: { type: "string", help: "sources add: feed, sitemap, page, list or programme (detected when left out)" },
  "event-hint": { type: "string", help: "sources add: the event its items are about when they do not say" },
  force: { type: "boolean", help: "ingest: replace a corpus file already there" },
  at: { type: "string", help: "now, next, today: the moment to answer for (2026-03-24T10:00+01:00)" },
  help: { type: "boolean", short: "h", help: "this help" },
} as const;

type Name = keyof typeof OPTIONS;
export type Flags = { [K in Name]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

export const OPTION_HELP = Object.entries(OPTIONS)
  .map(([name, option]) => `  --${`${name}${option.type === "string" ? " X" : ""}`.padEnd(14)} ${option.help}`)
  .join("\n");

/**
 * Reads the command line: the words, and the options with our own messages for mistakes (an
 * unknown option, a missing value) instead of Node's.
 */
export function readFlags(argv: readonly string[]): { flags: Flags; words: string[] } {
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, { type, ...rest }]) => [name, { type, ..."short" in rest ? { short: rest.short } : {} }])),
  });
  const flags: Record<string, string | boolean> = {};
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") words.push(token.value);
    if (token.kind !== "option") continue;
    const option = OPTIONS[token.name as Name] as (typeof OPTIONS)[Name] | undefined;
    if (!option) throw new UserError(`there is no option ${token.rawName}; kubecon --help lists them`);
    if (option.type === "string") {
      if (token.value === undefined || token.value === "") throw new UserError(`${token.rawName} needs a value, like ${token.rawName} ${token.name === "limit" ? "3" : "X"}`);
      flags[token.name] = token.value;
    } else {
      if (token.inlineValue) throw new UserError(`${token.rawName} takes no value`);
      flags[token.name] = true;
    }
  }
  return { flags: flags as Flags, words };
}

/** `--limit` as a number, 5 when it is not given. */
export function limitOf(flags: Flags): number {
  if (flags.limit === undefined) return 5;
  const limit = Number(flags.limit);
  if (!/^\d+$/.test(flags.limit) || limit < 1 || limit > 1000) throw new UserError(`--limit must be a whole number from 1 to 1000, not “${flags.limit.slice(0, 20)}”`);
  return limit;
}

/** An instant written in ISO 8601 with its offset (`2026-03-24T10:00+01:00`, `…Z`): a time without one would be read in this machine's zone. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** `--at` as an instant; undefined when it is not given. */
export function momentOf(flags: Flags): Date | undefined {
  if (flags.at === undefined) return undefined;
  const at = new Date(flags.at);
  if (!MOMENT.test(flags.at) || Number.isNaN(at.getTime())) {
    throw new UserError(`--at takes a time with its offset, like --at 2026-03-24T10:00+01:00 (or …Z for UTC), not “${flags.at.slice(0, 40)}”`);
  }
  return at;
}
