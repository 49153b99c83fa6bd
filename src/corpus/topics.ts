import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { fold } from "../text/fold.js";

const lexiconSchema = z.array(
  z.object({ id: z.string().min(1), label: z.string().min(1), terms: z.array(z.coerce.string()).min(1) }),
);

export interface Topic {
  id: string;
  label: string;
  terms: string[];
}

/** Reads the topic lexicon (`data/topics.yaml`). */
export function loadTopics(file: string): Topic[] {
  const parsed = lexiconSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? "not a topic list"}`);
  return parsed.data;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Tags text with the topics whose terms it mentions as whole words (case and accents aside). */
export function createTagger(topics: readonly Topic[]): (text: string) => string[] {
  const patterns = topics.map((topic) => ({
    label: topic.label,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${topic.terms.map((t) => escape(fold(t))).join("|")})(?![\\p{L}\\p{N}])`, "u"),
  }));
  return (text) => {
    const folded = fold(text);
    return patterns.filter((p) => p.pattern.test(folded)).map((p) => p.label);
  };
}
