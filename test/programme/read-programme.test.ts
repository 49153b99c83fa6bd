import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { ProgrammeError } from "../../src/programme/programme-error.js";
import type { ProgrammeSession } from "../../src/programme/session.js";
import { wallTimeAt } from "../../src/time/wall-time.js";
import { ENTRIES, smallProgramme } from "./small-programme.js";

const catalog = shippedCatalog();
const read = (text = smallProgramme(), eventId?: string) => readProgramme(text, "all.ics", { catalog, ...(eventId && { eventId }) });
const session = (uid: string): ProgrammeSession => {
  const found = read().sessions.find((s) => s.uid === uid);
  if (!found) throw new Error(`no session ${uid}`);
  return found;
};
const local = (iso: string) => {
  const t = wallTimeAt(new Date(iso), "Europe/Amsterdam");
  return `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")} ${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
};

describe("reading a schedule site's iCalendar export as a programme", () => {
  it("names the event from the calendar's name through the catalog, with the city's time zone", () => {
    const programme = read();
    expect(programme).toMatchObject({ eventId: "eu-2026", event: "KubeCon + CloudNativeCon Europe 2026", year: 2026, timeZone: "Europe/Amsterdam", name: "kccnceu2026" });
  });

  it("keeps the talks and sets apart badge pick-up, cloakroom, breaks, registration notices, a hall's opening hours and a recurring slot", () => {
    const programme = read();
    expect(programme.sessions.map((s) => s.uid).sort()).toEqual(
      ["after-dst", "before-dst", "dash-in-title", "floating-time", "keynote-open", "midnight-hack", "project-title-colon", "tut-ebpf-42"].sort(),
    );
    expect(programme.logistics).toEqual(expect.arrayContaining(["Badge Pick-Up", "Cloakroom", "Coffee Break ☕", "Solutions Showcase", "Partner In-Booth Demos"]));
    expect(programme.logistics).toHaveLength(ENTRIES.length - programme.sessions.length);
  });

  it("takes a label off the title as the format, and the speakers with their companies", () => {
    expect(session("tut-ebpf-42")).toMatchObject({
      id: "programme-eu-2026--tut-ebpf-42",
      title: "Hands-On Packet Tracing With eBPF",
      format: "Tutorial",
      speakers: [
        { name: "Ada Lovelace", company: "Example Corp" },
        { name: "Grace Hopper", company: "Sample Labs, Inc." },
      ],
      track: "📚 TUTORIALS",
      room: "Hall 7 | Room A",
      scheduleUrl: "https://schedule.example/event/tut-ebpf-42",
      start: "2026-03-24T13:00:00.000Z",
      end: "2026-03-24T14:30:00.000Z",
      timeZone: "Europe/Amsterdam",
    });
    expect(session("keynote-open")).toMatchObject({ title: "Opening Remarks", format: "Keynote", speakers: [{ name: "Jane Doe", company: "Executive Director, Example Foundation" }] });
  });

  it("decodes the abstract's iCalendar escapes and HTML entities into plain paragraphs", () => {
    expect(session("tut-ebpf-42").abstract).toBe("Learn to trace packets, step by step.\nBring a laptop we provide the <clusters> & the probes.");
  });

  it("keeps a title's own colon and dashes, and shares a company between people joined by &", () => {
    expect(session("project-title-colon")).toMatchObject({
      title: "Quokka: Scheduling Batch Jobs Without Tears",
      speakers: [
        { name: "Alan Turing", company: "Bletchley Systems" },
        { name: "Joan Clarke", company: "Bletchley Systems" },
      ],
    });
    expect(session("project-title-colon").format).toBeUndefined();
    expect(session("dash-in-title")).toMatchObject({ title: "FluxLite - GitOps For All Sizes", speakers: [{ name: "Mary Major", company: "Staff Engineer - Delivery, Example Corp" }] });
  });

  it("places times in UTC: across midnight, both sides of the clocks' change, and a time without a zone in the event's", () => {
    const midnight = session("midnight-hack");
    expect([local(midnight.start), local(midnight.end)]).toEqual(["2026-03-25 23:30", "2026-03-26 01:30"]);
    expect(session("before-dst").start).toBe("2026-03-28T09:00:00.000Z");
    expect(session("after-dst").start).toBe("2026-03-29T08:00:00.000Z");
    expect(session("floating-time").start).toBe("2026-03-29T12:00:00.000Z");
    expect(local(session("after-dst").start)).toBe("2026-03-29 10:00");
  });

  it("drops a cancelled entry, and keeps one session a UID", () => {
    const cancelled = ENTRIES.map((e) => (e.uid === "dash-in-title" ? { ...e, status: "CANCELLED" } : e));
    expect(read(smallProgramme(cancelled)).sessions.map((s) => s.uid)).not.toContain("dash-in-title");
    const twice = [...ENTRIES, { ...ENTRIES.find((e) => e.uid === "keynote-open")!, summary: "Keynote: Opening Remarks, Revised - Jane Doe\\, Example Foundation" }];
    const keynotes = read(smallProgramme(twice)).sessions.filter((s) => s.uid === "keynote-open");
    expect(keynotes.map((s) => s.title)).toEqual(["Opening Remarks, Revised"]);
  });

  it("asks for --event-id when the calendar does not name a known event, and takes it when given", () => {
    const unnamed = smallProgramme(ENTRIES, ["PRODID:-//Example//Calendar//EN"]);
    expect(() => read(unnamed)).toThrow(ProgrammeError);
    expect(() => read(unnamed)).toThrow(/--event-id/);
    expect(read(unnamed, "eu-2026").eventId).toBe("eu-2026");
    expect(() => read(unnamed, "xx-2031")).toThrow(/No event xx-2031 in the event catalog/);
  });

  it("refuses a text that is no iCalendar file, naming it", () => {
    expect(() => read("<html><body>Not a calendar</body></html>")).toThrow(/all\.ics is not an iCalendar file/);
    expect(() => read("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n")).toThrow(ProgrammeError);
  });
});
