import { afterEach, describe, expect, it } from "vitest";
import { dailyCommands } from "../../src/daily/commands.js";
import { eventDayPost } from "../../src/daily/event-day.js";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import { FakeClock, RecordingPoster, memoryLogger, subscriptionSettings, takeaway, tempStore } from "../daily/helpers.js";
import { CONTEXT } from "../core/helpers.js";
import { agendaBot, agendaData } from "./programme-bot.js";

const MINUTE = 60_000;
const data = agendaData();
const pool: Takeaway[] = [...Array.from({ length: 5 }, (_, i) => takeaway(`na-2020--ebpf-${i}#0000000${i}`, ["eBPF"])), takeaway("eu-2018--seccomp#10000000", ["seccomp"])];

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

/** Two schedulers (two replicas) on one SQLite daily store, with the programme's event days. */
function replicas(start: string, poster?: (clock: FakeClock) => RecordingPoster) {
  const env = tempStore();
  cleanups.push(env.cleanup);
  const clock = new FakeClock(start);
  const recording = poster?.(clock) ?? new RecordingPoster(clock);
  const log = memoryLogger();
  const make = () =>
    new DailyScheduler({
      store: env.reopen(),
      takeaways: async () => pool,
      eventDay: (topic, date) => eventDayPost(data, topic, date),
      posters: { slack: recording },
      clock,
      logger: log.logger,
      firstRetryDelayMs: MINUTE,
    });
  return { env, clock, poster: recording, log, schedulers: [make(), make()] };
}

async function runTicks(clock: FakeClock, schedulers: DailyScheduler[], from: string, to: string): Promise<void> {
  for (let t = Date.parse(from); t < Date.parse(to); t += MINUTE) {
    clock.set(new Date(t));
    await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
  }
}

describe("the daily post on an event's day", () => {
  it("carries the day's sessions on the topic in place of the takeaway, once a day across replicas", async () => {
    const { env, clock, poster, schedulers } = replicas("2026-03-23T00:00:00Z");
    await env.store.saveSubscription(subscriptionSettings({ postTime: "08:00", zone: "Europe/Amsterdam", topic: "eBPF" }));
    await runTicks(clock, schedulers, "2026-03-23T06:00:00Z", "2026-03-23T08:00:00Z");
    await runTicks(clock, schedulers, "2026-03-24T06:00:00Z", "2026-03-24T08:00:00Z");
    await runTicks(clock, schedulers, "2026-03-25T06:00:00Z", "2026-03-25T08:00:00Z");
    await runTicks(clock, schedulers, "2026-03-30T06:00:00Z", "2026-03-30T08:00:00Z");
    const posts = poster.deliveries.map((d) => ({ at: d.at.toISOString(), title: d.card.title, items: (d.card.items ?? []).map((item) => item.title) }));
    expect(posts).toEqual([
      // Monday is no day of the programme: the takeaway.
      { at: "2026-03-23T07:00:00.000Z", title: "KubeCon takeaway of the day", items: [expect.any(String)] },
      { at: "2026-03-24T07:00:00.000Z", title: "Today at KubeCon + CloudNativeCon Europe 2026 on “eBPF”", items: ["Tracing Packets With eBPF From Scratch", "BPF Programs After Dark"] },
      { at: "2026-03-25T07:00:00.000Z", title: "Today at KubeCon + CloudNativeCon Europe 2026 on “eBPF”", items: ["eBPF on the Edge"] },
      // After the event: takeaways again.
      { at: "2026-03-30T06:00:00.000Z", title: "KubeCon takeaway of the day", items: [expect.any(String)] },
    ]);
    const tuesday = poster.deliveries[1]!.card;
    expect(tuesday.subtitle).toBe("Tue 24 Mar");
    expect(tuesday.items![0]!.meta).toMatch(/^Tue 24 Mar 10:00–11:30 CET · Hall 7 \| Room A · Tutorial/);
    expect(tuesday.items![0]!.link?.label).toBe("Schedule");
    expect(tuesday.actions?.[0]).toMatchObject({ label: "What's on now", command: "now eBPF" });
  });

  it("posts a takeaway on an event day when no session of the day is on the topic", async () => {
    const { env, clock, poster, schedulers } = replicas("2026-03-25T00:00:00Z");
    await env.store.saveSubscription(subscriptionSettings({ postTime: "08:00", zone: "Europe/Amsterdam", topic: "seccomp" }));
    await runTicks(clock, schedulers, "2026-03-25T06:00:00Z", "2026-03-25T08:00:00Z");
    expect(poster.deliveries.map((d) => d.card.title)).toEqual(["KubeCon takeaway of the day"]);
  });

  it("without a topic lists the day's first five sessions", () => {
    const post = eventDayPost(data, undefined, "2026-03-24");
    expect(post?.id).toBe("programme-day:eu-2026:2026-03-24");
    expect(post?.card.items?.map((item) => item.title)).toEqual([
      "Opening the Week",
      "Tracing Packets With eBPF From Scratch",
      "Securing Clusters With Seccomp Profiles",
      "Observability Pipelines With OpenTelemetry",
      "BPF Programs After Dark",
    ]);
    expect(eventDayPost(data, undefined, "2026-03-23")).toBeUndefined();
  });

  it("re-sends the same day's card under the same claim after a send whose outcome was lost", async () => {
    const { env, clock, poster, schedulers } = replicas("2026-03-24T00:00:00Z", (c) => new RecordingPoster(c, { findable: true }));
    // The first send reaches the platform, but the answer is lost: the next attempt looks for it first.
    poster.delivered = true;
    poster.failWith = (attempt) => (attempt === 1 ? new Error("socket hang up") : undefined);
    await env.store.saveSubscription(subscriptionSettings({ postTime: "08:00", zone: "Europe/Amsterdam", topic: "eBPF" }));
    await runTicks(clock, schedulers, "2026-03-24T06:59:00Z", "2026-03-24T07:10:00Z");
    expect(poster.deliveries).toHaveLength(1);
    expect(poster.deliveries[0]!.card.title).toBe("Today at KubeCon + CloudNativeCon Europe 2026 on “eBPF”");
    expect(poster.lookups).toEqual([poster.deliveries[0]!.claimId]);
  });
});

describe("daily preview during the event", () => {
  it("shows the day's sessions on the topic on an event's day, the takeaway on other days", async () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    const clock = new FakeClock("2026-03-24T07:00:00Z");
    const commands = dailyCommands({ store: () => env.store, takeaways: async () => pool, clock, topics: data.topics, eventDay: (topic, date) => eventDayPost(data, topic, date) });
    const bot = agendaBot(() => clock.now(), data, { commands });
    const during = (await bot.run("daily preview ebpf", CONTEXT)).card;
    expect(during.title).toBe("Today at KubeCon + CloudNativeCon Europe 2026 on “eBPF”");
    expect(during.notice).toBe("A preview: this is the card a daily post would show.");
    expect(during.items?.map((item) => item.title)).toEqual(["Tracing Packets With eBPF From Scratch", "BPF Programs After Dark"]);
    clock.set("2026-03-23T07:00:00Z");
    expect((await bot.run("daily preview ebpf", CONTEXT)).card.title).toBe("KubeCon takeaway of the day");
  });
});
