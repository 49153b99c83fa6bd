import { cleanText, formatCommand } from "./grammar.js";
import type { CommandSpec } from "./spec.js";

/**
 * The canonical search command for free text someone points the bot at (a chat message, a
 * mention): cleaned, and cut on a word boundary to what the query takes. `undefined` when no text
 * is left to search for.
 */
export function searchCommandFor(commands: readonly CommandSpec[], text: string): string | undefined {
  const search = commands.find((spec) => spec.name === "search");
  const query = search?.args.find((arg) => arg.rest);
  if (!search || !query) return undefined;
  const cleaned = cleanText(text);
  const max = query.maxLength ?? cleaned.length;
  const head = cleaned.slice(0, max + 1);
  const lastSpace = head.lastIndexOf(" ");
  const fitted = cleaned.length <= max ? cleaned : lastSpace > 0 ? head.slice(0, lastSpace) : cleaned.slice(0, max).replace(/[\ud800-\udbff]$/, "");
  return fitted ? formatCommand(search, { [query.name]: fitted }) : undefined;
}
