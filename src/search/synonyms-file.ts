import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { tokenize } from "./analyzer.js";
import { fold } from "../text/fold.js";
import type { SynonymGroups } from "./synonyms.js";

/**
 * Reads `data/synonyms.yaml`: a list of groups, each a list of words or phrases. Apart from
 * synonyms.ts so that a search with groups read from an index snapshot loads no YAML or zod.
 */
export function loadSynonyms(file: string): SynonymGroups {
  const parsed = z.array(z.array(z.coerce.string()).min(2)).safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? "not a list of synonym groups"}`);
  return parsed.data.map((group) => group.map((phrase) => tokenize(fold(phrase)).map((t) => t.word)));
}
