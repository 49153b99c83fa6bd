import type { Agenda, Listed } from "../agenda/agenda.js";
import type { AgendaWindow, EventProgramme, Session } from "../agenda/event-programmes.js";
import { formatSpeaker } from "../corpus/section.js";
import { extract } from "../text/extract.js";
import { plural } from "../text/plural.js";
import { plain, type Card, type CardAction, type CardItem } from "./card.js";
import { eventWithYear, scheduleLink } from "./section-meta.js";
import { dayLabel, momentIn, sessionLine, sessionWhen } from "./session-time.js";

/** How much of an abstract a listed session shows when no topic gave it a snippet. */
const ABSTRACT_EXTRACT = 160;

const HEADINGS: Record<AgendaWindow, string> = { now: "On now", next: "Starting within the hour", today: "Today" };
const NOTHING: Record<AgendaWindow, string> = { now: "is running now", next: "starts within the hour", today: "starts today" };

export interface AgendaCardInput {
  window: AgendaWindow;
  topic?: string;
  at: Date;
  agenda: Agenda;
  page: number;
  pageSize: number;
  /** Command text for a page of the same view; for another view (`today` from `now`). */
  commandFor(page: number, window?: AgendaWindow): string;
}

const names = (programmes: readonly EventProgramme[]) => programmes.map((p) => eventWithYear(p.event, p.year)).join(" and ");
const onTopic = (topic: string | undefined) => (topic ? ` on “${topic}”` : "");

/** "Mon 23 Mar" for a local date, "2026-03-23". */
function dateLabel(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return dayLabel({ year, month, day });
}

/** "Mon 23 Mar – Thu 26 Mar 2026": an event's days from its programme. */
function days(programme: EventProgramme): string {
  const year = programme.lastDay.slice(0, 4);
  return programme.firstDay === programme.lastDay ? `${dateLabel(programme.firstDay)} ${year}` : `${dateLabel(programme.firstDay)} – ${dateLabel(programme.lastDay)} ${year}`;
}

/** A listed session: its title, time, room, format and track, speakers, where the topic matched (else its abstract's start), schedule page and details. */
function sessionItem({ session, snippet }: Listed): CardItem {
  const facts = session.session;
  const link = scheduleLink(facts);
  const text = snippet ?? (session.text ? [{ text: extract(session.text, ABSTRACT_EXTRACT) }] : undefined);
  return {
    id: session.id,
    title: session.title,
    meta: [sessionLine(facts), session.speakers.map(formatSpeaker).join("; ")].filter(Boolean).join(" · "),
    ...(text && plain(text).trim() && { snippet: text }),
    ...(link && { link }),
    details: { kind: "command", label: "Details", command: `talk ${session.id}` },
  };
}

/** `now`, `next` or `today`: the sessions in the view, a page at a time, or why there are none. */
export function agendaCard(input: AgendaCardInput): Card {
  const { window, topic, at, agenda } = input;
  if (agenda.kind === "none" || agenda.kind === "no-words") {
    throw new Error(`agendaCard is given sessions or the nearest event, not ${agenda.kind}`);
  }
  if (agenda.kind === "outside") return outsideCard(input, agenda.programme, agenda.upcoming);
  const zone = agenda.programmes[0]!.timeZone;
  const title = `${HEADINGS[window]} at ${names(agenda.programmes)}${onTopic(topic)}`;
  const subtitle = `As of ${momentIn(at, zone)}`;
  const switchTo = (to: AgendaWindow, label: string): CardAction => ({ kind: "command", label, command: input.commandFor(1, to) });
  if (agenda.sessions.length === 0) {
    const later = agenda.later && ` The next one: “${agenda.later.title}”, ${[sessionWhen(agenda.later.session), agenda.later.session.room].filter(Boolean).join(", ")}.`;
    const others = window === "now" ? [switchTo("next", "Within the hour"), switchTo("today", "Today")] : window === "next" ? [switchTo("today", "Today")] : [];
    return {
      title,
      subtitle,
      notice: `Nothing${onTopic(topic)} ${NOTHING[window]}.${later ?? ""}${agenda.suggestion ? ` (Read as “${agenda.suggestion}”.)` : ""}`,
      actions: [...(agenda.later ? [details(agenda.later)] : []), ...others],
    };
  }
  const { page, pageSize } = input;
  const total = agenda.sessions.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize;
  const shown = agenda.sessions.slice(first, first + pageSize);
  const actions: CardAction[] = [];
  if (page > 1) actions.push({ kind: "command", label: "◀ Previous", command: input.commandFor(page - 1) });
  if (page < pages) actions.push({ kind: "command", label: "Next ▶", command: input.commandFor(page + 1), style: "primary" });
  if (window !== "today") actions.push(switchTo("today", "Today"));
  actions.push({ kind: "share", label: "Share in channel", command: input.commandFor(page) });
  return {
    title,
    subtitle,
    ...(agenda.suggestion && { notice: `No exact match; showing sessions on “${agenda.suggestion}”.` }),
    items: shown.map(sessionItem),
    footer: `Sessions ${first + 1}–${first + shown.length} of ${total} · page ${page} of ${pages}`,
    actions,
  };
}

const details = (session: Session): CardAction => ({ kind: "command", label: "The next one", command: `talk ${session.id}`, style: "primary" });

/** No imported programme covers the moment: when the nearest event is (or was), and search instead. */
function outsideCard(input: AgendaCardInput, programme: EventProgramme, upcoming: boolean): Card {
  const { window, topic } = input;
  const name = eventWithYear(programme.event, programme.year);
  const when = upcoming ? `${name} runs ${days(programme)}: \`${window}\` answers from its first day.` : `${name} ran ${days(programme)}, and no later event's programme is imported.`;
  const search = topic ? `search ${topic}` : undefined;
  return {
    title: `${HEADINGS[window]}${onTopic(topic)}`,
    subtitle: `As of ${momentIn(input.at, programme.timeZone)}`,
    notice: `No event is on. ${when} ${search ? `Search the talks instead: \`${search}\`.` : "Search the talks instead: `search <topic>`."}`,
    ...(search && { actions: [{ kind: "command", label: `Search “${extract(topic!, 40)}”`, command: search, style: "primary" }] }),
  };
}

/** The daily post of an event's day: its sessions on the subscription's topic. */
export function dayCard(programmes: readonly EventProgramme[], date: string, sessions: readonly Listed[], topic?: string): Card {
  return {
    title: `Today at ${names(programmes)}${onTopic(topic)}`,
    subtitle: dateLabel(date),
    items: sessions.map(sessionItem),
    footer: `${plural(sessions.length, "session")} of the official programme`,
    actions: [{ kind: "command", label: "What's on now", command: topic ? `now ${topic}` : "now", style: "primary" }],
  };
}
