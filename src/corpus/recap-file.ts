import { parse, stringify } from "yaml";
import { z } from "zod";
import { withCatalogEvent } from "./event.js";
import type { EventCatalog } from "./event-catalog.js";
import type { Recap } from "./section.js";

/** A recap file that cannot be read; its message names the file and what is wrong. */
export class RecapFileError extends Error {
  override name = "RecapFileError";
}

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id must be lowercase letters, digits and dashes"),
  title: z.coerce.string().min(1),
  source_title: z.coerce.string().optional(),
  event: z.coerce.string().min(1),
  event_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "event_id must be lowercase letters, digits and dashes"),
  year: z.coerce.number().int().min(2014).max(2100),
  language: z.string().regex(/^[a-z]{2}$/, "language must be a two-letter code such as en or fr"),
  location: z.coerce.string().optional(),
  author: z.coerce.string().optional(),
  source: z.string().url().optional(),
  source_file: z.coerce.string().optional(),
  start_date: z.coerce.string().optional(),
  end_date: z.coerce.string().optional(),
  tags: z.array(z.coerce.string().min(1)).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Reads `---` YAML front matter and the verbatim body of a recap file. Its event is the catalog's
 * where the catalog knows it (by id, else by name): one id and one name for every spelling.
 */
export function parseRecapFile(file: string, raw: string, catalog?: EventCatalog): Recap {
  const match = FENCE.exec(raw.replace(/^\uFEFF/, ""));
  if (!match) throw new RecapFileError(`${file}: no YAML front matter (the file must start with a --- block)`);
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    throw new RecapFileError(`${file}: front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RecapFileError(`${file}: ${issue.path.join(".") || "front matter"}: ${issue.message}`);
  }
  const fm = parsed.data;
  return withCatalogEvent({
    id: fm.id,
    title: fm.title,
    sourceTitle: fm.source_title,
    event: fm.event,
    eventId: fm.event_id,
    year: fm.year,
    language: fm.language,
    location: fm.location,
    author: fm.author,
    source: fm.source,
    sourceFile: fm.source_file,
    startDate: fm.start_date,
    endDate: fm.end_date,
    ...(fm.tags?.length && { tags: fm.tags }),
    body: match[2]!,
    file,
  }, catalog);
}

/** Writes a recap file: front matter of the known facts, then the text exactly as given. */
export function formatRecapFile(frontMatter: FrontMatter, body: string): string {
  const facts = Object.fromEntries(Object.entries(frontMatter).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)));
  return `---\n${stringify(facts).trimEnd()}\n---\n${body}`;
}
