import { formatSpeaker } from "../corpus/section.js";
import { ingestRecap, type IngestOptions } from "../corpus/ingest.js";
import { loadTopics } from "../corpus/topics.js";
import { defaultCorpusDir, topicsFile } from "../paths.js";

/** `kubecon ingest`: writes the corpus file and lists the sections found, for the user to check. */
export function ingest(file: string, options: Omit<IngestOptions, "corpusDir"> & { corpusDir?: string }): string {
  const { path, recap, sections } = ingestRecap(file, { ...options, corpusDir: options.corpusDir ?? defaultCorpusDir() }, loadTopics(topicsFile()));
  const lines = [
    `Wrote ${path}`,
    `  ${recap.title} · ${recap.event} · ${recap.year} · language ${recap.language} · event id ${recap.eventId}`,
    `${sections.length} sections found:`,
    ...sections.map((s) => {
      const who = s.speakers.length ? ` (${s.speakers.map(formatSpeaker).join("; ")})` : "";
      return `  - ${s.title}${who} · ${s.bullets.length} lines${s.tags.length ? ` · ${s.tags.join(", ")}` : ""}`;
    }),
  ];
  if (sections.length <= 1) lines.push("Few sections found: put each talk title on a line of its own (or as a Markdown heading) and ingest again.");
  return lines.join("\n");
}
