import { formatSpeaker } from "../corpus/section.js";
import { ingestRecap, type IngestOptions } from "../corpus/ingest.js";
import { sectionWarnings } from "../corpus/review.js";
import { loadTopics } from "../corpus/topics.js";
import { sectionLink } from "../cards/section-meta.js";
import { defaultCorpusDir, topicsFile } from "../paths.js";

/** `kubecon ingest`: writes the corpus file (unless a dry run) and lists the sections found, for the user to check. */
export async function ingest(input: string, options: Omit<IngestOptions, "corpusDir"> & { corpusDir?: string }): Promise<string> {
  const { path, recap, sections, replaced, guesses } = await ingestRecap(input, { ...options, corpusDir: options.corpusDir ?? defaultCorpusDir() }, loadTopics(topicsFile()));
  const verb = options.dryRun ? (replaced ? "Would replace" : "Would write") : replaced ? "Replaced" : "Wrote";
  const lines = [
    `${verb} ${path}${options.dryRun ? " (dry run: nothing written)" : ""}`,
    `  ${recap.title} · ${recap.event} · ${recap.year} · language ${recap.language} · event id ${recap.eventId}${recap.location ? ` · ${recap.location}` : ""}${recap.tags ? ` · tags ${recap.tags.join(", ")}` : ""}`,
    `${sections.length} sections found:`,
    ...sections.map((s) => {
      const who = s.speakers.length ? ` (${s.speakers.map(formatSpeaker).join("; ")})` : "";
      const link = s.urlKind ? ` · ${sectionLink(s)!.label}: ${s.url}` : "";
      return `  - ${s.title}${who} · ${s.bullets.length} lines${link}${s.tags.length ? ` · ${s.tags.join(", ")}` : ""}`;
    }),
  ];
  const warnings = [...guesses.map((g) => `guessed ${g}`), ...sectionWarnings(sections)];
  if (sections.length <= 1) warnings.push("Few sections found: put each talk title on a line of its own (or as a Markdown heading) and ingest again.");
  if (warnings.length) lines.push("Check:", ...warnings.map((w) => `  ! ${w}`));
  return lines.join("\n");
}
