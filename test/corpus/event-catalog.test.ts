import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventOf, loadEventCatalog, shippedCatalog } from "../../src/corpus/event-catalog.js";
import { eventNamedIn, withCatalogEvent } from "../../src/corpus/event.js";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { summarizeEvents } from "../../src/corpus/stats.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { eventsCard } from "../../src/cards/events-card.js";
import { defaultCorpusDir, topicsFile } from "../../src/paths.js";

describe("the event catalog", () => {
  it.each([
    ["KubeCon EU 2021 (virtual)", "eu-2021"],
    ["KubeCon Europe 2021", "eu-2021"],
    ["KubeCon + CloudNativeCon Europe 2021", "eu-2021"],
    ["kubecon-eu-2021-recap", "eu-2021"],
    ["NA 2019", "na-2019"],
    ["KubeCon San Diego 2019", "na-2019"],
    ["KubeCon London 2016", "eu-2016"],
    ["KubeCon + CloudNativeCon Europe 2025 London", "eu-2025"],
    ["KubeCon Hong Kong 2024", "cn-2024"],
    ["KubeCon + CloudNativeCon China 2024", "cn-2024"],
    ["KubeCon India 2024", "in-2024"],
    ["KubeCon Japan 2025", "jp-2025"],
    ["KubeCon Europe 2022 à Valence", "eu-2022"],
    ["KubeCon Amérique du Nord 2023", "na-2023"],
    ["KubeCon Londres 2025 : mes notes", "eu-2025"],
    ["KubeCon + CloudNativeCon Japan 2025 参加レポート", "jp-2025"],
    ["KubeCon 日本 2025 参加記", "jp-2025"],
    ["KubeCon 横浜 2026", "jp-2026"],
    ["KubeCon 中国 2019 上海", "cn-2019"],
    ["KubeCon 北美 2018", "na-2018"],
    ["KubeCon 2015", "na-2015"],
    ["eu-2018", "eu-2018"],
  ])("reads %j as %s", (text, id) => {
    expect(eventOf(text)?.id).toBe(id);
  });

  it.each([
    ["a year with several events and no region or city", "KubeCon 2022 - Jour 3"],
    ["a region the catalog holds no event of that year for", "KubeCon Japan 2019"],
    ["no year", "KubeCon Europe"],
    ["two events named as surely", "KubeCon 2020 online"],
  ])("names no event for %s", (_case, text) => {
    expect(eventOf(text)).toBeUndefined();
  });

  it("gives every event its own id, its region and year, and a name with its year", () => {
    const { events } = shippedCatalog();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const event of events) {
      expect(event.id).toBe(`${event.region}-${event.year}`);
      expect(event.name).toContain(String(event.year));
      if (event.start && event.end) expect(event.start <= event.end && event.start.startsWith(String(event.year))).toBe(true);
    }
    expect(events.map((e) => e.year)).toEqual(expect.arrayContaining([2015, 2016, 2020, 2024, 2026]));
  });

  it("gives every event in a city its city's time zone, and a virtual one none", () => {
    const catalog = shippedCatalog();
    expect(catalog.event("eu-2026")?.timeZone).toBe("Europe/Amsterdam");
    expect(catalog.event("na-2025")?.timeZone).toBe("America/New_York");
    expect(catalog.event("eu-2021")?.timeZone).toBeUndefined();
    for (const event of catalog.events) if (event.city && event.city !== "Virtual") expect(event.timeZone, event.id).toBeDefined();
  });

  it("refuses a time zone the runtime does not know, and one for a city it does not list", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubecon-catalog-"));
    try {
      const file = join(dir, "events.yaml");
      const entry = "{ id: eu-2024, region: eu, year: 2024, name: KubeCon Europe 2024, city: Paris }";
      writeFileSync(file, `regions:\n  eu: [Europe]\ncities:\n  Paris: []\ntimeZones:\n  Paris: Europe/Parris\nevents:\n  - ${entry}\n`);
      expect(() => loadEventCatalog(file)).toThrow(`${file}: timeZones.Paris: not an IANA time zone`);
      writeFileSync(file, `regions:\n  eu: [Europe]\ncities:\n  Paris: []\ntimeZones:\n  Lyon: Europe/Paris\nevents:\n  - ${entry}\n`);
      expect(() => loadEventCatalog(file)).toThrow(`${file}: timeZones: no city Lyon in cities`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a catalog file that gives two events one id, naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubecon-catalog-"));
    try {
      const file = join(dir, "events.yaml");
      const entry = "{ id: eu-2024, region: eu, year: 2024, name: KubeCon Europe 2024, city: Paris }";
      writeFileSync(file, `regions:\n  eu: [Europe]\ncities:\n  Paris: []\nevents:\n  - ${entry}\n  - ${entry}\n`);
      expect(() => loadEventCatalog(file)).toThrow(`${file}: event id eu-2024 is given to two events`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("derives an id from the name of an event it does not list, by region and year where it names a region", () => {
    expect(eventNamedIn("KubeCon Korea 2027 notes")).toEqual({ event: "KubeCon Korea 2027", eventId: "kubecon-korea-2027", year: 2027, known: false });
    expect(eventNamedIn("KubeCon Europe 2031")).toMatchObject({ eventId: "eu-2031", known: false });
    expect(eventNamedIn("Notes from a meetup")).toBeUndefined();
  });

  it("gives a recap the catalog's id and name, found by id or by name in the same year; its own location stays", () => {
    const recap = { event: "KubeCon Europe 2022 (day 3)", eventId: "eu-2022", year: 2022, location: "Valence" };
    expect(withCatalogEvent(recap)).toMatchObject({ event: "KubeCon + CloudNativeCon Europe 2022", eventId: "eu-2022", location: "Valence", startDate: "2022-05-18" });
    expect(withCatalogEvent({ event: "KubeCon EU 2021 (virtual)", eventId: "kubecon-eu-2021", year: 2021 })).toMatchObject({ eventId: "eu-2021", location: "Virtual" });
    const unknown = { event: "KubeCon Korea 2027", eventId: "kubecon-korea-2027", year: 2027 };
    expect(withCatalogEvent(unknown)).toBe(unknown);
    // An id of the catalog given to another year is not that event.
    const mismatched = { event: "Some notes", eventId: "eu-2022", year: 2023 };
    expect(withCatalogEvent(mismatched)).toBe(mismatched);
  });

  it("names the shipped corpus's five events as the catalog does, on the events card and every section", () => {
    const corpus = loadCorpus(defaultCorpusDir(), loadTopics(topicsFile()));
    const card = eventsCard(summarizeEvents(corpus.recaps, corpus.sections));
    expect(card.items!.map((item) => item.title)).toEqual([
      "KubeCon + CloudNativeCon Europe 2022",
      "KubeCon + CloudNativeCon Europe 2021",
      "KubeCon + CloudNativeCon North America 2020",
      "KubeCon + CloudNativeCon Europe 2018",
      "KubeCon Europe 2016",
    ]);
    for (const section of corpus.sections) expect(section.event).toBe(shippedCatalog().event(section.eventId)!.name);
  });
});
