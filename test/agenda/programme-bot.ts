import { createBot, type BotOptions, type LoadedBot } from "../../src/commands/create-bot.js";
import type { BotData } from "../../src/commands/data.js";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import type { Section } from "../../src/corpus/section.js";
import { createTagger, loadTopics } from "../../src/corpus/topics.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { programmeSection } from "../../src/programme/programme-section.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { postableTakeaways } from "../../src/takeaways/takeaways.js";
import { smallProgramme, type Entry } from "../programme/small-programme.js";

const venue = "\\, Amsterdam\\, Netherlands";

/**
 * A programme of our own for the views of the event (Amsterdam: CET until the night of Sat 28 to
 * Sun 29 March 2026, CEST after): a keynote, a tutorial with its label, parallel sessions, a break,
 * a session across midnight, sessions the day before and the day of the DST change, one in the
 * night after the change. Times in UTC unless a TZID says otherwise.
 */
export const AGENDA_ENTRIES: readonly Entry[] = [
  { uid: "ag-keynote", summary: "Keynote: Opening the Week - Jane Doe\\, Example Foundation", category: "KEYNOTE SESSIONS", location: `Hall 12${venue}`, start: ":20260324T080000Z", end: ":20260324T082000Z", description: "Welcome\\, and what the community built this year." },
  {
    uid: "ag-tutorial",
    summary: "📚 Tutorial: Tracing Packets With eBPF From Scratch - Ada Lovelace\\, Example Corp",
    description: "Write your first eBPF program and attach it to the network stack\\, step by step.",
    category: "📚 TUTORIALS",
    location: `Hall 7 | Room A${venue}`,
    start: ":20260324T090000Z",
    end: ":20260324T103000Z",
  },
  { uid: "ag-seccomp", summary: "Securing Clusters With Seccomp Profiles - Grace Hopper\\, Sample Labs", description: "Default seccomp profiles for every workload.", category: "SECURITY", location: `Room B${venue}`, start: ":20260324T091500Z", end: ":20260324T094500Z" },
  { uid: "ag-otel", summary: "Observability Pipelines With OpenTelemetry - Alan Turing\\, Bletchley Systems", description: "Collect traces and metrics with the OpenTelemetry Collector.", category: "OBSERVABILITY", location: `Room C${venue}`, start: ":20260324T100000Z", end: ":20260324T103000Z" },
  { uid: "ag-coffee", summary: "Coffee Break ☕", category: "BREAKS", location: `Hall 1${venue}`, start: ":20260324T103000Z", end: ":20260324T110000Z" },
  // 23:30 on Tuesday to 00:45 on Wednesday in Amsterdam.
  { uid: "ag-midnight", summary: "BPF Programs After Dark - Joan Clarke\\, Bletchley Systems", description: "Kernel hacking with eBPF until the small hours.", category: "EXPERIENCES", location: `Hall 8 | Room D${venue}`, start: ":20260324T223000Z", end: ":20260324T234500Z" },
  { uid: "ag-edge", summary: "eBPF on the Edge - Mary Major\\, Example Corp", description: "Small clusters\\, eBPF probes and tight budgets.", category: "CLOUD NATIVE NOVICE", location: `Room B${venue}`, start: ":20260325T080000Z", end: ":20260325T083000Z" },
  { uid: "ag-gitops", summary: "GitOps for Fleets - Mary Major\\, Example Corp", description: "Argo CD and Flux across a thousand clusters.", category: "PLATFORM ENGINEERING", location: `Room C${venue}`, start: ":20260325T090000Z", end: ":20260325T093000Z" },
  // The day before the clocks move (10:00 CET) and the day they moved (10:00 CEST), written in the event's zone.
  { uid: "ag-saturday", summary: "Clock Skew in Distributed Systems - Ada Lovelace\\, Example Corp", description: "Time is hard.", category: "OPERATIONS + PERFORMANCE", location: `Auditorium${venue}`, start: ";TZID=Europe/Amsterdam:20260328T100000", end: ";TZID=Europe/Amsterdam:20260328T103000" },
  // 03:15 CEST, three quarters of an hour of real time after 01:30 CET.
  { uid: "ag-night", summary: "Night Owls: On-Call Stories - Grace Hopper\\, Sample Labs", description: "What paged us at night.", category: "OPERATIONS + PERFORMANCE", location: `Auditorium${venue}`, start: ";TZID=Europe/Amsterdam:20260329T031500", end: ";TZID=Europe/Amsterdam:20260329T034500" },
  { uid: "ag-sunday", summary: "Leap Seconds and Other Horrors - Grace Hopper\\, Sample Labs", description: "The clocks moved an hour forward in the night.", category: "OPERATIONS + PERFORMANCE", location: `Auditorium${venue}`, start: ";TZID=Europe/Amsterdam:20260329T100000", end: ";TZID=Europe/Amsterdam:20260329T103000" },
];

const topics = loadTopics(topicsFile());

/** The programme above, read as the import reads an export, as sections of kind programme. */
export function agendaSections(entries: readonly Entry[] = AGENDA_ENTRIES): Section[] {
  const programme = readProgramme(smallProgramme(entries), "all.ics", { catalog: shippedCatalog() });
  return programme.sessions.map((session) => programmeSection(session, createTagger(topics)));
}

/** The shipped recaps and these programme sections, indexed together: what the commands answer from. */
export function agendaData(sections: readonly Section[] = agendaSections()): BotData {
  const shipped = loadCorpus(defaultCorpusDir(), topics);
  const corpus = { ...shipped, sections: [...shipped.sections, ...sections] };
  const engine = new SearchEngine(corpus.sections, loadSynonyms(synonymsFile()));
  let takeaways: ReturnType<typeof postableTakeaways> | undefined;
  return { corpus, engine, topics, takeaways: () => (takeaways ??= postableTakeaways(corpus.sections, topics)) };
}

/** A bot over that data whose clock reads `at()`. */
export function agendaBot(at: () => Date, data: BotData = agendaData(), options: Partial<BotOptions> = {}): LoadedBot {
  return createBot(data, { logger: createLogger("silent"), now: at, ...options });
}
