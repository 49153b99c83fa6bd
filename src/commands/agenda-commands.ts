import type { Reply } from "../cards/card.js";
import { agendaAt } from "../agenda/agenda.js";
import type { AgendaWindow } from "../agenda/event-programmes.js";
import type { BotData } from "./data.js";
import { formatCommand } from "./grammar.js";
import { checkPage } from "./pages.js";
import type { CommandSpec } from "./spec.js";
import { UserError } from "./user-error.js";

/** Sessions a page of `now`, `next` or `today` lists. */
const AGENDA_PAGE_SIZE = 10;

/** What to do when no programme is imported: said the same by the three commands. */
const NO_PROGRAMME = "No event programme is imported: `kubecon programme import <file.ics|URL>` adds one. Meanwhile, try `search <topic>`.";

const VIEWS: Record<AgendaWindow, { summary: string; example: string }> = {
  now: { summary: "What's on now at the event: the sessions on a topic (all without one), with room", example: "now ebpf" },
  next: { summary: "The sessions on a topic starting within the hour, with time and room", example: "next security" },
  today: { summary: "Today's sessions on a topic at the event, with time and room", example: "today platform engineering" },
};

/**
 * `now`, `next` and `today`: the imported programme at the moment `now()` gives (the clock, or the
 * command line's `--at`), in each event's time zone, on a topic matched by the search engine.
 */
export function agendaCommands(data: BotData, now: () => Date): CommandSpec[] {
  const specs = {} as Record<AgendaWindow, CommandSpec>;
  for (const window of ["now", "next", "today"] as const) {
    const spec: CommandSpec = {
      name: window,
      summary: VIEWS[window].summary,
      examples: [VIEWS[window].example, window],
      args: [
        { name: "topic", description: "What the sessions are about (all sessions without it)", type: "string", positional: true, rest: true, maxLength: 200, autocomplete: "query" },
        { name: "page", description: "Page of sessions", type: "integer", min: 1, max: 1000 },
      ],
      visibility: "ephemeral",
      async run(args): Promise<Reply> {
        const topic = args.topic === undefined ? undefined : String(args.topic);
        const at = now();
        const agenda = agendaAt(data.corpus.sections, data.engine, window, at, topic);
        if (agenda.kind === "none") throw new UserError(NO_PROGRAMME);
        if (agenda.kind === "no-words") throw new UserError(`“${topic!.slice(0, 60)}” has no word to search for. Try a topic such as \`ebpf\`, or \`${window}\` alone.`);
        const page = Number(args.page ?? 1);
        checkPage(page, agenda.kind === "sessions" ? agenda.sessions.length : 0, AGENDA_PAGE_SIZE, "sessions");
        const { agendaCard } = await import("../cards/agenda-card.js");
        const commandFor = (n: number, to: AgendaWindow = window) => formatCommand(specs[to], { topic, page: n === 1 ? undefined : n });
        return { card: agendaCard({ window, topic, at, agenda, page, pageSize: AGENDA_PAGE_SIZE, commandFor }), visibility: "ephemeral" };
      },
    };
    specs[window] = spec;
  }
  return [specs.now, specs.next, specs.today];
}
