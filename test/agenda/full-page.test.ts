import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/discord/render.js";
import { renderCard } from "../../adapters/slack/render.js";
import type { Card } from "../../src/cards/card.js";
import { eventDayPost } from "../../src/daily/event-day.js";
import { CONTEXT } from "../core/helpers.js";
import { discordViolations } from "../discord/check.js";
import { violations } from "../slack/check.js";
import type { Entry } from "../programme/small-programme.js";
import { AGENDA_ENTRIES, agendaBot, agendaData, agendaSections } from "./programme-bot.js";

// Thursday 26 March: fourteen parallel sessions at 11:00 CET, each with a long title, room and abstract.
const parallel: Entry[] = Array.from({ length: 14 }, (_, i) => ({
  uid: `ag-parallel-${i}`,
  summary: `Operating Kubernetes Clusters at Scale\\, Part ${i + 1}: Lessons Learned the Hard Way From Years of Production Incidents - Speaker ${i}\\, Example Corp`,
  description: `Session ${i + 1} walks through eBPF probes\\, upgrades\\, capacity planning and on-call. `.repeat(12),
  category: "OPERATIONS + PERFORMANCE",
  location: `Hall ${i + 1} | Room ${String.fromCharCode(65 + i)}\\, Amsterdam\\, Netherlands`,
  start: ":20260326T100000Z",
  end: ":20260326T103000Z",
}));

const data = agendaData(agendaSections([...AGENDA_ENTRIES, ...parallel]));
const bot = agendaBot(() => new Date("2026-03-26T10:10:00Z"), data);

function withinLimits(card: Card): void {
  expect(violations(renderCard(card))).toEqual([]);
  expect(discordViolations(renderReply({ card, visibility: "ephemeral" }))).toEqual([]);
}

describe("a busy hour", () => {
  it("pages ten sessions at a time, every page within Slack's and Discord's limits", async () => {
    const first = (await bot.run("now", CONTEXT)).card;
    expect(first.items).toHaveLength(10);
    expect(first.footer).toBe("Sessions 1–10 of 14 · page 1 of 2");
    expect(first.actions?.find((a) => a.label === "Next ▶")?.command).toBe("now page:2");
    withinLimits(first);
    const second = (await bot.run("now page:2", CONTEXT)).card;
    expect(second.items?.map((item) => item.id)).toEqual([10, 11, 12, 13].map((i) => `programme-eu-2026--ag-parallel-${i}`));
    expect(second.actions?.find((a) => a.label === "◀ Previous")?.command).toBe("now");
    withinLimits(second);
    const third = await bot.run("now page:3", CONTEXT);
    expect(third.card.notice).toBe("There are only 2 pages of sessions.");
  });

  it("the daily post of that day lists five, within both platforms' limits", () => {
    const post = eventDayPost(data, "ebpf", "2026-03-26")!;
    expect(post.card.items).toHaveLength(5);
    withinLimits(post.card);
  });
});
