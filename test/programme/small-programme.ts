/**
 * A small programme of our own, in the shape of a schedule site's iCalendar export (escapes, folded
 * lines, label emoji, logistics entries, a session across midnight, times on both sides of the
 * night Europe moves its clocks): for the programme tests. Nothing here comes from a real export.
 */
export interface Entry {
  uid: string;
  summary: string;
  description?: string;
  category?: string;
  location?: string;
  /** `DTSTART`/`DTEND` as written after the property name (`:20260324T090000Z`, `;TZID=Europe/Amsterdam:…`). */
  start: string;
  end: string;
  status?: string;
}

/** RFC 5545 folds content lines longer than 75 octets: a line break and one space. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 60) {
    out.push(rest.slice(0, 60));
    rest = rest.slice(60);
  }
  out.push(rest);
  return out.join("\r\n ");
}

const venue = "\\, Amsterdam\\, Netherlands";

export const ENTRIES: readonly Entry[] = [
  { uid: "reg-badge-1", summary: "Badge Pick-Up", category: "REGISTRATION", location: `Entrance C${venue}`, start: ":20260323T060000Z", end: ":20260323T160000Z" },
  { uid: "reg-cloak-1", summary: "Cloakroom", category: "REGISTRATION", location: `Entrance C${venue}`, start: ":20260323T060000Z", end: ":20260323T160000Z" },
  {
    uid: "colo-summit",
    summary: "[SOLD OUT] Widget Summit Hosted by Example Org | SEPARATE REGISTRATION REQUIRED",
    description: "THIS EVENT IS SOLD OUT.&nbsp\\; PLEASE REVIEW WAITLIST PROCESS.",
    category: "PROJECT OPPORTUNITIES",
    location: `Forum${venue}`,
    start: ":20260323T080000Z",
    end: ":20260323T120000Z",
  },
  { uid: "coffee-1", summary: "Coffee Break ☕", category: "BREAKS", location: `Hall 1${venue}`, start: ":20260324T093000Z", end: ":20260324T100000Z" },
  { uid: "pavilion-hours", summary: "Solutions Showcase", category: "SOLUTIONS SHOWCASE", location: `Hall 1${venue}`, start: ":20260324T090000Z", end: ":20260324T170000Z" },
  ...[1, 2, 3, 4].map((n) => ({
    uid: `booth-demos-${n}`,
    summary: "Partner In-Booth Demos",
    description: "Sponsor: Example Corp Booth Number: 10",
    category: "SOLUTIONS SHOWCASE",
    location: `Hall 1${venue}`,
    start: `:2026032${3 + (n % 3)}T120000Z`,
    end: `:2026032${3 + (n % 3)}T121000Z`,
  })),
  {
    uid: "tut-ebpf-42",
    summary: "📚 Tutorial: Hands-On Packet Tracing With eBPF - Ada Lovelace\\, Example Corp; Grace Hopper\\, Sample Labs\\, Inc.",
    description: "Learn to trace packets\\, step by step.\\n\\nBring a laptop&nbsp\\; we provide the &lt\\;clusters&gt\\; &amp\\; the probes.",
    category: "📚 TUTORIALS",
    location: `Hall 7 | Room A${venue}`,
    start: ":20260324T130000Z",
    end: ":20260324T143000Z",
  },
  {
    uid: "keynote-open",
    summary: "Keynote: Opening Remarks - Jane Doe\\, Executive Director\\, Example Foundation",
    description: "Welcome to the conference.",
    category: "KEYNOTE SESSIONS",
    location: `Hall 12${venue}`,
    start: ":20260324T080000Z",
    end: ":20260324T081500Z",
  },
  {
    uid: "project-title-colon",
    summary: "Quokka: Scheduling Batch Jobs Without Tears - Alan Turing & Joan Clarke\\, Bletchley Systems",
    description: "How Quokka places batch jobs.",
    category: "MAINTAINER TRACK",
    location: `E103-105${venue}`,
    start: ":20260325T090000Z",
    end: ":20260325T093000Z",
  },
  {
    uid: "dash-in-title",
    summary: "FluxLite - GitOps For All Sizes - Mary Major\\, Staff Engineer - Delivery\\, Example Corp",
    description: "GitOps for small and large fleets.",
    category: "PLATFORM ENGINEERING",
    location: `Hall 8 | Room D${venue}`,
    start: ":20260325T100000Z",
    end: ":20260325T103000Z",
  },
  {
    uid: "midnight-hack",
    summary: "Late Night Hacking on Schedulers - Alan Turing\\, Bletchley Systems",
    description: "We hack until the small hours.",
    category: "EXPERIENCES",
    location: `Hall 8 | Room D${venue}`,
    // 23:30 to 01:30 in Amsterdam (UTC+1 in March before the change).
    start: ":20260325T223000Z",
    end: ":20260326T003000Z",
  },
  {
    uid: "before-dst",
    summary: "Clock Skew in Distributed Systems - Ada Lovelace\\, Example Corp",
    description: "Saturday morning, local time.",
    category: "OPERATIONS + PERFORMANCE",
    location: `Auditorium${venue}`,
    start: ";TZID=Europe/Amsterdam:20260328T100000",
    end: ";TZID=Europe/Amsterdam:20260328T103000",
  },
  {
    uid: "after-dst",
    summary: "Leap Seconds and Other Horrors - Grace Hopper\\, Sample Labs",
    description: "Sunday morning, local time: the clocks moved an hour forward in the night.",
    category: "OPERATIONS + PERFORMANCE",
    location: `Auditorium${venue}`,
    start: ";TZID=Europe/Amsterdam:20260329T100000",
    end: ";TZID=Europe/Amsterdam:20260329T103000",
  },
  {
    uid: "floating-time",
    summary: "Wall Clocks Without Zones - Jane Doe\\, Example Foundation",
    description: "A time written without a zone is the event's.",
    category: "OPERATIONS + PERFORMANCE",
    location: `Auditorium${venue}`,
    start: ":20260329T140000",
    end: ":20260329T143000",
  },
];

/** The export's text for some entries (all by default). */
export function smallProgramme(entries: readonly Entry[] = ENTRIES, header = ["X-WR-CALNAME:kccnceu2026", "PRODID:-//Sched.com KubeCon + CloudNativeCon Europe 2026//EN"]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", ...header, "METHOD:PUBLISH", "CALSCALE:GREGORIAN", "X-WR-TIMEZONE:UTC"];
  for (const e of entries) {
    lines.push(
      "BEGIN:VEVENT",
      "DTSTAMP:20260322T191353Z",
      `DTSTART${e.start}`,
      `DTEND${e.end}`,
      fold(`SUMMARY:${e.summary}`),
      fold(`DESCRIPTION:${e.description ?? ""}`),
      `CATEGORIES:${e.category ?? ""}`,
      fold(`LOCATION:${e.location ?? ""}`),
      "SEQUENCE:0",
      `UID:${e.uid}`,
      `URL:https://schedule.example/event/${e.uid}`,
      ...(e.status ? [`STATUS:${e.status}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.join("\r\n") + "\r\n";
}
