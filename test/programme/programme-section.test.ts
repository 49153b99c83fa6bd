import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { summarizeEvents } from "../../src/corpus/stats.js";
import type { Corpus } from "../../src/corpus/corpus.js";
import { eventCard, eventsCard } from "../../src/cards/events-card.js";
import { checkEventId } from "../../src/commands/core-commands.js";
import { createTagger, loadTopics } from "../../src/corpus/topics.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { programmeSection } from "../../src/programme/programme-section.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { SearchEngine } from "../../src/search/engine.js";
import { buildSearchData, readSnapshot, writeSnapshot } from "../../src/search/snapshot.js";
import { scoreTakeaways } from "../../src/takeaways/takeaways.js";
import { smallProgramme } from "./small-programme.js";

const topics = loadTopics(topicsFile());
const programme = readProgramme(smallProgramme(), "all.ics", { catalog: shippedCatalog() });
const sections = programme.sessions.map((s) => programmeSection(s, createTagger(topics)));
const tutorial = sections.find((s) => s.id === "programme-eu-2026--tut-ebpf-42")!;

describe("a programme session as a section", () => {
  it("is a searchable section of kind programme, with its time and place", () => {
    expect(tutorial).toMatchObject({
      kind: "programme",
      recapId: "programme-eu-2026",
      title: "Hands-On Packet Tracing With eBPF",
      eventId: "eu-2026",
      year: 2026,
      language: "en",
      url: "https://schedule.example/event/tut-ebpf-42",
      bullets: [
        { text: "Learn to trace packets, step by step.", depth: 0 },
        { text: "Bring a laptop we provide the <clusters> & the probes.", depth: 0 },
      ],
      session: {
        start: "2026-03-24T13:00:00.000Z",
        end: "2026-03-24T14:30:00.000Z",
        timeZone: "Europe/Amsterdam",
        room: "Hall 7 | Room A",
        track: "📚 TUTORIALS",
        format: "Tutorial",
        scheduleUrl: "https://schedule.example/event/tut-ebpf-42",
      },
    });
    expect(tutorial.tags).toContain("eBPF");
  });

  it("never gives a takeaway, and is not counted among an event's talks", () => {
    const statement = { text: "Teams that traced packets with eBPF cut their debugging time by 40 percent in production.", depth: 0 };
    const promising = { ...tutorial, bullets: [statement], text: statement.text };
    const [fromProgramme] = scoreTakeaways([promising], topics);
    expect(fromProgramme).toMatchObject({ postable: false, reasons: expect.arrayContaining(["notes"]) });
    expect(scoreTakeaways([{ ...promising, kind: "talk" }], topics)[0]!.reasons).not.toContain("notes");
    const recap = { id: "eu-2026-notes", title: "Notes", event: "KubeCon + CloudNativeCon Europe 2026", eventId: "eu-2026", year: 2026, language: "en", body: "", file: "x.md" };
    expect(summarizeEvents([recap], sections)[0]!.sections).toBe(0);
  });

  it("makes its event known with no recap of it: listed with its sessions, filtered by, opened with a pointer to them", () => {
    const [summary] = summarizeEvents([], sections);
    expect(summary).toMatchObject({ eventId: "eu-2026", sections: 0, programme: sections.length });
    expect(() => checkEventId({ recaps: [], sections } as unknown as Corpus, "eu-2026")).not.toThrow();
    expect(() => checkEventId({ recaps: [], sections } as unknown as Corpus, "na-2026")).toThrow("Known events: eu-2026.");
    expect(eventsCard([summary!]).items![0]!.meta).toBe(`eu-2026 · 0 sections · ${sections.length} sessions in its programme`);
    const card = eventCard(summary!, [], [], { page: 1, pageSize: 8, commandFor: () => "event eu-2026" });
    expect(card.notice).toBe(`No recap covers it yet. Its programme has ${sections.length} sessions: search <topic> event:eu-2026, or today <topic> during the event.`);
  });

  it("keeps its kind, its time and place and its links through the index's snapshot", async () => {
    const shipped = await buildSearchData({ corpusDir: defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile() });
    const linked = { ...tutorial, recapSectionIds: ["some-recap--a-talk"] };
    const withProgramme = [...shipped.corpus.sections, linked, { ...shipped.corpus.sections[0]!, id: "linked-recap--talk", programmeId: tutorial.id, session: tutorial.session }];
    const corpus = { ...shipped.corpus, sections: withProgramme };
    const dir = mkdtempSync(join(tmpdir(), "kubecon-programme-snapshot-"));
    try {
      writeSnapshot(join(dir, "index.bin"), "key", { ...shipped, corpus, engine: new SearchEngine(withProgramme, shipped.synonyms) });
      const read = readSnapshot(join(dir, "index.bin"), "key")!;
      const back = read.corpus.sections.slice(-2).map((s) => ({ ...s, bullets: s.bullets }));
      expect(back).toEqual(withProgramme.slice(-2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
