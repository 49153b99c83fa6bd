import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sectionsOf, type Corpus } from "../../src/corpus/corpus.js";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import type { Recap } from "../../src/corpus/section.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { projectRoot, topicsFile } from "../../src/paths.js";
import { withProgramme } from "../../src/programme/programme-corpus.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { ENTRIES, smallProgramme } from "./small-programme.js";

const topics = loadTopics(topicsFile());
const catalog = shippedCatalog();

const recap = (body: string, overrides: Partial<Recap> = {}): Recap => ({
  id: "eu-2026-our-notes",
  title: "Our notes from KubeCon Europe 2026",
  event: "KubeCon + CloudNativeCon Europe 2026",
  eventId: "eu-2026",
  year: 2026,
  language: "en",
  body,
  file: "eu-2026-our-notes.md",
  ...overrides,
});
const corpusOf = (...recaps: Recap[]): Corpus => ({ recaps, sections: recaps.flatMap((r) => sectionsOf(r, topics)), problems: [] });
const linksOf = (corpus: Corpus) =>
  corpus.sections.filter((s) => s.programmeId).map((s) => [s.talk, corpus.sections.find((p) => p.id === s.programmeId)!.title]);

const NOTES = `## Tutorial: Hands-On Packet Tracing With eBPF - Ada Lovelace, Example Corp

- We traced packets through the kernel with eBPF probes.

## Quokka scheduling batch jobs - Joan Clarke, Bletchley Systems

- Batch jobs land on the right nodes.

## Packet tracing in production - Mary Major, Example Corp

- Sampling keeps the overhead low.

## Opening remarks

- A welcome, and the numbers of the year.
`;

describe("linking a recap's talk to its programme session", () => {
  const sessions = readProgramme(smallProgramme(), "all.ics", { catalog }).sessions;

  it("links a title close after folding (a label before it aside), and a shorter title with a speaker in common", () => {
    const corpus = withProgramme(corpusOf(recap(NOTES)), sessions, topics);
    expect(linksOf(corpus)).toEqual([
      ["Tutorial: Hands-On Packet Tracing With eBPF", "Hands-On Packet Tracing With eBPF"],
      ["Quokka scheduling batch jobs", "Quokka: Scheduling Batch Jobs Without Tears"],
    ]);
    const talk = corpus.sections.find((s) => s.talk.startsWith("Tutorial: Hands-On"))!;
    expect(talk).toMatchObject({ kind: "talk", programmeId: "programme-eu-2026--tut-ebpf-42", session: { room: "Hall 7 | Room A", format: "Tutorial" } });
    expect(corpus.sections.find((s) => s.id === "programme-eu-2026--tut-ebpf-42")!.recapSectionIds).toEqual([talk.id]);
  });

  it("links nothing on a few shared words without a speaker in common, nor across events, nor a recap's notes", () => {
    const corpus = withProgramme(corpusOf(recap(NOTES)), sessions, topics);
    for (const talk of ["Packet tracing in production", "Opening remarks"]) expect(corpus.sections.find((s) => s.talk === talk)?.programmeId, talk).toBeUndefined();
    const elsewhere = withProgramme(corpusOf(recap(NOTES, { id: "na-2026-notes", eventId: "na-2026", event: "KubeCon + CloudNativeCon North America 2026" })), sessions, topics);
    expect(linksOf(elsewhere)).toEqual([]);
  });

  it("links a talk given under one title twice in the programme to neither", () => {
    const twice = [...ENTRIES, { ...ENTRIES.find((e) => e.uid === "tut-ebpf-42")!, uid: "tut-ebpf-again", start: ":20260326T130000Z", end: ":20260326T143000Z" }];
    const again = readProgramme(smallProgramme(twice), "all.ics", { catalog }).sessions;
    const talk = withProgramme(corpusOf(recap(NOTES)), again, topics).sections.find((s) => s.talk.startsWith("Tutorial: Hands-On"));
    expect(talk?.programmeId).toBeUndefined();
  });
});

const SHARED = join(projectRoot(), "..", "shared");
const EXPORT = join(SHARED, "schedules", "kubecon-eu-2026-all.ics");
const RECAP = join(SHARED, "dev-recaps", "25-daocloud-kubecon-eu-2026.md");

describe.runIf(existsSync(EXPORT) && existsSync(RECAP))("the real pair: the EU 2026 export and a recap of talks of that event", () => {
  it("links the recap's three talks that are in the programme, and nothing else", () => {
    // The recap as the dev tools ingest it: its 4-line header (source, event, language, ---) off.
    const body = readFileSync(RECAP, "utf8").split("\n").slice(4).join("\n");
    const real = recap(body, { id: "dev-recap-25", language: "zh" });
    const programme = readProgramme(readFileSync(EXPORT, "utf8"), "all.ics", { catalog });
    const corpus = withProgramme(corpusOf(real), programme.sessions, topics);
    const links = corpus.sections.filter((s) => s.programmeId);
    expect(links).toHaveLength(3);
    for (const section of links) {
      const session = corpus.sections.find((s) => s.id === section.programmeId)!;
      // The recap names each talk by its programme title (a "Tutorial:" label aside) and a speaker of the session.
      expect(section.title.toLowerCase()).toContain(session.title.toLowerCase());
      expect(session.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(section.speakers.map((s) => s.name)));
    }
  });
});
