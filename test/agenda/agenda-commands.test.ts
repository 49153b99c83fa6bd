import { beforeAll, describe, expect, it } from "vitest";
import { plain, type Card } from "../../src/cards/card.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { CONTEXT, sectionOf, shippedBot } from "../core/helpers.js";
import { agendaBot, agendaData, agendaSections } from "./programme-bot.js";

let at: Date;
let bot: LoadedBot;

beforeAll(() => {
  bot = agendaBot(() => at, agendaData());
});

/** The card a command gives at an instant. */
async function answer(text: string, instant: string): Promise<Card> {
  at = new Date(instant);
  const reply = await bot.run(text, CONTEXT);
  expect(reply.isError, reply.card.notice).toBeUndefined();
  expect(reply.visibility).toBe("ephemeral");
  return reply.card;
}

const titles = (card: Card) => (card.items ?? []).map((item) => item.title);
const command = (card: Card, label: RegExp) => card.actions?.find((a) => label.test(a.label))?.command;

describe("now, next and today during the event", () => {
  it("now lists the sessions running at the moment, with time in the event's zone and room", async () => {
    // 10:20 in Amsterdam: the tutorial (10:00–11:30) and the seccomp talk (10:15–10:45) run.
    const card = await answer("now", "2026-03-24T09:20:00Z");
    expect(card.title).toBe("On now at KubeCon + CloudNativeCon Europe 2026");
    expect(card.subtitle).toBe("As of Tue 24 Mar 10:20 CET");
    expect(titles(card)).toEqual(["Tracing Packets With eBPF From Scratch", "Securing Clusters With Seccomp Profiles"]);
    expect(card.items![0]!.meta).toBe("Tue 24 Mar 10:00–11:30 CET · Hall 7 | Room A · Tutorial · 📚 TUTORIALS · Ada Lovelace, Example Corp");
    expect(card.items![0]!.link).toEqual({ label: "Schedule", url: "https://schedule.example/event/ag-tutorial", talk: true });
    expect(card.items![0]!.details?.command).toBe("talk programme-eu-2026--ag-tutorial");
  });

  it("matches the topic through search: synonyms, and a word in bold where it matched", async () => {
    const card = await answer("now bpf", "2026-03-24T09:20:00Z");
    expect(card.title).toBe("On now at KubeCon + CloudNativeCon Europe 2026 on “bpf”");
    expect(titles(card)).toEqual(["Tracing Packets With eBPF From Scratch"]);
    expect(card.items![0]!.snippet?.some((run) => run.strong && /ebpf/i.test(run.text))).toBe(true);
    expect(command(card, /Share/)).toBe("now bpf");
    expect(command(card, /^Today$/)).toBe("today bpf");
    const otel = await answer("next otel", "2026-03-24T09:20:00Z");
    expect(titles(otel)).toEqual(["Observability Pipelines With OpenTelemetry"]);
  });

  it("reads a mistyped topic as the word it is close to", async () => {
    const card = await answer("today opentelemtry", "2026-03-24T07:00:00Z");
    expect(card.notice).toBe("No exact match; showing sessions on “opentelemetry”.");
    expect(titles(card)).toContain("Observability Pipelines With OpenTelemetry");
  });

  it("next lists what starts within the hour, not what runs", async () => {
    const card = await answer("next", "2026-03-24T09:20:00Z");
    expect(titles(card)).toEqual(["Observability Pipelines With OpenTelemetry"]);
    expect(card.subtitle).toBe("As of Tue 24 Mar 10:20 CET");
  });

  it("today lists the day's sessions by start, breaks left out", async () => {
    const card = await answer("today", "2026-03-24T07:00:00Z");
    expect(card.title).toBe("Today at KubeCon + CloudNativeCon Europe 2026");
    expect(titles(card)).toEqual([
      "Opening the Week",
      "Tracing Packets With eBPF From Scratch",
      "Securing Clusters With Seccomp Profiles",
      "Observability Pipelines With OpenTelemetry",
      "BPF Programs After Dark",
    ]);
    expect(card.footer).toBe("Sessions 1–5 of 5 · page 1 of 1");
  });

  it("follows a session across midnight: it runs after 00:00 and belongs to the day it started", async () => {
    // 00:10 on Wednesday in Amsterdam.
    const card = await answer("now ebpf", "2026-03-24T23:10:00Z");
    expect(card.subtitle).toBe("As of Wed 25 Mar 00:10 CET");
    expect(titles(card)).toEqual(["BPF Programs After Dark"]);
    expect(card.items![0]!.meta).toMatch(/^Tue 24 Mar 23:30 – Wed 25 Mar 00:45 CET · Hall 8 \| Room D/);
    // Wednesday's list starts with Wednesday's sessions.
    expect(titles(await answer("today", "2026-03-24T23:10:00Z"))).toEqual(["eBPF on the Edge", "GitOps for Fleets"]);
  });

  it("counts the hour ahead in real time across the DST change, and shows each time in the zone then in force", async () => {
    // 01:30 CET; at 02:00 the clocks jump to 03:00 CEST: 03:15 CEST is 45 minutes away.
    const card = await answer("next", "2026-03-29T00:30:00Z");
    expect(card.subtitle).toBe("As of Sun 29 Mar 01:30 CET");
    expect(titles(card)).toEqual(["Night Owls: On-Call Stories"]);
    expect(card.items![0]!.meta).toMatch(/^Sun 29 Mar 03:15–03:45 CEST/);
    const sunday = await answer("now", "2026-03-29T08:10:00Z");
    expect(sunday.subtitle).toBe("As of Sun 29 Mar 10:10 CEST");
    expect(titles(sunday)).toEqual(["Leap Seconds and Other Horrors"]);
    const saturday = await answer("now", "2026-03-28T09:10:00Z");
    expect(saturday.subtitle).toBe("As of Sat 28 Mar 10:10 CET");
    expect(titles(saturday)).toEqual(["Clock Skew in Distributed Systems"]);
  });

  it("says when nothing on the topic runs, names the next one, and offers the other views", async () => {
    const card = await answer("now gitops", "2026-03-24T09:20:00Z");
    expect(card.items).toBeUndefined();
    expect(card.notice).toBe("Nothing on “gitops” is running now. The next one: “GitOps for Fleets”, Wed 25 Mar 10:00–10:30 CET, Room C.");
    expect(card.actions?.map((a) => a.command)).toEqual(["talk programme-eu-2026--ag-gitops", "next gitops", "today gitops"]);
  });

  it("pages a long day ten sessions at a time, and refuses a page past the last", async () => {
    at = new Date("2026-03-24T07:00:00Z");
    const reply = await bot.run("today page:2", CONTEXT);
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toBe("There is only 1 page of sessions.");
  });
});

describe("outside the event", () => {
  it("before it: says when the event with a programme is, and offers search", async () => {
    const card = await answer("now ebpf", "2026-03-01T12:00:00Z");
    expect(card.title).toBe("On now on “ebpf”");
    expect(card.notice).toBe(
      "No event is on. KubeCon + CloudNativeCon Europe 2026 runs Tue 24 Mar – Sun 29 Mar 2026: `now` answers from its first day. Search the talks instead: `search ebpf`.",
    );
    expect(card.actions).toEqual([{ kind: "command", label: "Search “ebpf”", command: "search ebpf", style: "primary" }]);
  });

  it("after it: says when it was", async () => {
    const card = await answer("today", "2026-04-10T12:00:00Z");
    expect(card.notice).toMatch(/^No event is on\. KubeCon \+ CloudNativeCon Europe 2026 ran Tue 24 Mar – Sun 29 Mar 2026, and no later event's programme is imported\. Search the talks instead: `search <topic>`\.$/);
    expect(card.subtitle).toBe("As of Fri 10 Apr 14:00 CEST");
  });

  it("the day between two days of the event is still the event's: today says nothing starts", async () => {
    // Thursday 26 March has no session in this programme, between Wednesday's and Saturday's.
    const card = await answer("today", "2026-03-26T10:00:00Z");
    expect(card.notice).toBe("Nothing starts today. The next one: “Clock Skew in Distributed Systems”, Sat 28 Mar 10:00–10:30 CET, Auditorium.");
  });
});

describe("without a programme", () => {
  it("says how to import one, briefly", async () => {
    const plainBot = await shippedBot();
    for (const text of ["now", "next ebpf", "today"]) {
      const reply = await plainBot.run(text, CONTEXT);
      expect(reply.isError).toBe(true);
      expect(reply.card.notice).toBe("No event programme is imported: `kubecon programme import <file.ics|URL>` adds one. Meanwhile, try `search <topic>`.");
    }
  });

  it("a topic of stop words alone is refused with an example", async () => {
    at = new Date("2026-03-24T09:20:00Z");
    const reply = await bot.run("now the of", CONTEXT);
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toMatch(/has no word to search for/);
    expect(plain([{ text: reply.card.notice! }])).toContain("`now` alone");
  });
});

describe("a session a recap wrote up", () => {
  it("is listed when search shows the talk by its recap section, with the session's own abstract", async () => {
    const sections = agendaSections();
    const tutorial = sections.find((s) => s.id === "programme-eu-2026--ag-tutorial")!;
    const notes = sectionOf({
      id: "eu-2026-our-notes--tracing-packets",
      title: "Tracing Packets With eBPF From Scratch",
      text: "eBPF programs trace every packet.\neBPF maps keep the counts.\neBPF, eBPF and more eBPF.",
      eventId: "eu-2026",
      event: "KubeCon + CloudNativeCon Europe 2026",
      year: 2026,
      programmeId: tutorial.id,
      session: tutorial.session,
    });
    tutorial.recapSectionIds = [notes.id];
    const linked = agendaBot(() => new Date("2026-03-24T09:20:00Z"), agendaData([...sections, notes]));
    const search = linked.data.engine.search("ebpf", { eventId: "eu-2026" }, { offset: 0, limit: 50 });
    expect(search.hits.map((hit) => hit.section.id)).toContain(notes.id);
    expect(search.hits.map((hit) => hit.section.id)).not.toContain(tutorial.id);
    const card = (await linked.run("now ebpf", CONTEXT)).card;
    expect(card.items?.map((item) => item.id)).toEqual([tutorial.id]);
    expect(plain(card.items![0]!.snippet!)).toBe("Write your first eBPF program and attach it to the network stack, step by step.");
    // The recap's section outranks every session in search; the day's other eBPF session is still on the topic.
    const today = (await linked.run("today ebpf", CONTEXT)).card;
    expect(today.items?.map((item) => item.id)).toEqual([tutorial.id, "programme-eu-2026--ag-midnight"]);
  });
});
