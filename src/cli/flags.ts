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
