import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain, type Reply } from "../../src/cards/card.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { TERMINAL, type CommandContext } from "../../src/commands/context.js";
import { visibilityOf } from "../../src/commands/registry.js";
import { dailyCommands } from "../../src/daily/commands.js";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import { matchingTakeaways } from "../../src/daily/rotation.js";
import { createLogger } from "../../src/log/logger.js";
import { FakeClock, RecordingPoster, tempStore } from "./helpers.js";

const slack: CommandContext = { platform: "slack", userId: "U1", channelId: "C1", spaceId: "T1", can: { manageChannel: true, channelPosts: true } };
const text = (reply: Reply) =>
  [reply.card.title, reply.card.notice, ...(reply.card.body ?? []).map((p) => plain(p.text)), ...(reply.card.fields ?? []).map((f) => `${f.label}: ${f.value}`)]
    .filter(Boolean)
    .join("\n");
const field = (reply: Reply, label: string) => reply.card.fields?.find((f) => f.label === label)?.value;

describe("daily commands through the real bot", () => {
  let env: ReturnType<typeof tempStore>;
  let bot: LoadedBot;
  const clock = new FakeClock("2025-06-02T06:00:00Z"); // a Monday, 08:00 in Paris

  beforeAll(async () => {
    env = tempStore();
    bot = await loadBot({
      corpusDir: "data/recaps",
      logger: createLogger("silent"),
      commands: (data) => dailyCommands({ store: () => env.store, clock, takeaways: () => data.takeaways(), topics: data.topics }),
    });
  });
  afterAll(async () => env.cleanup());

  it("declares `daily on|off` public and needing a channel the asker manages, `status` and `preview` for the asker alone", () => {
    const spec = bot.commands.find((c) => c.name === "daily")!;
    for (const action of ["on", "off"]) {
      expect(visibilityOf(spec, { action })).toBe("public");
      expect(spec.needs?.({ action })).toEqual(["channelPosts", "manageChannel"]);
    }
    for (const action of ["status", "preview"]) {
      expect(visibilityOf(spec, { action })).toBe("ephemeral");
      expect(spec.needs?.({ action })).toEqual([]);
    }
    expect(spec.summary.length).toBeLessThanOrEqual(100);
  });

  it("subscribes at 09:00 UTC by default and says when the first post comes", async () => {
    const reply = await bot.run("daily on", slack);
    expect(reply.visibility).toBe("public");
    expect(reply.card.title).toBe("Daily takeaways are on");
    expect(field(reply, "First post")).toBe("Mon 2 Jun 2025 at 09:00 (UTC)");
    expect(await env.store.getSubscription("slack:C1")).toMatchObject({ postTime: "09:00", zone: "UTC", createdBy: "U1", spaceId: "T1", enabled: true });
  });

  it.each([
    ["daily on 08:30 Europe/Paris eBPF", { postTime: "08:30", zone: "Europe/Paris", topic: "eBPF" }],
    ["daily on ebpf 7:05 america/new_york", { postTime: "07:05", zone: "America/New_York", topic: "eBPF" }],
    ["daily on Europe/Paris", { postTime: "09:00", zone: "Europe/Paris" }],
    ["daily on 18:00 Tokyo", { postTime: "18:00", zone: "Asia/Tokyo" }],
    ["daily on service mesh", { postTime: "09:00", zone: "UTC", topic: "Service mesh" }],
    ["daily ON 10:00 UTC ci/cd", { postTime: "10:00", zone: "UTC", topic: "CI/CD" }],
  ])("reads %j whatever the order of its values", async (command, expected) => {
    const reply = await bot.run(command, { ...slack, channelId: "C2" });
    expect(reply.isError, text(reply)).toBeFalsy();
    const saved = await env.store.getSubscription("slack:C2");
    expect(saved).toMatchObject(expected);
    if (!("topic" in expected)) expect(saved!.topic).toBeUndefined();
  });

  it.each([
    ["daily on 25:00", "'25:00' is not a time of day. Use HH:MM in 24-hour time, like 09:00 or 17:30."],
    ["daily on 09:00 Mars/Base", "Unknown time zone 'Mars/Base'. Use an IANA zone such as Europe/Paris, America/New_York or UTC."],
    ["daily on 9:00 10:00", "Give one time: daily on [HH:MM] [Area/City] [topic], like daily on 09:00 Europe/Paris eBPF."],
  ])("answers %j with what is accepted", async (command, message) => {
    const reply = await bot.run(command, { ...slack, channelId: "C3" });
    expect(reply).toMatchObject({ isError: true, visibility: "ephemeral" });
    expect(reply.card.notice).toBe(message);
    expect(await env.store.getSubscription("slack:C3")).toBeUndefined();
  });

  it("answers an unknown word with the zones and topics it could have been", async () => {
    const reply = await bot.run("daily on 09:00 basket-weaving", { ...slack, channelId: "C3" });
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toMatch(/^'basket-weaving' is neither a time zone nor a topic\. Use an IANA zone such as Europe\/Paris, America\/New_York or UTC\. Topics with takeaways: .*eBPF/);
  });

  it("reports the next post time in the channel's zone and what is left of the rotation", async () => {
    const ctx = { ...slack, channelId: "C4" };
    expect(text(await bot.run("daily status", ctx))).toMatch(/This channel gets no daily takeaways/);
    await bot.run("daily on 09:00 Europe/Paris Security", ctx);
    const total = matchingTakeaways(await bot.data.takeaways(), "Security").length;
    expect(total).toBeGreaterThan(7);

    let status = await bot.run("daily status", ctx);
    expect(status.visibility).toBe("ephemeral");
    expect(field(status, "Next post")).toBe("Mon 2 Jun 2025 at 09:00 (Europe/Paris)");
    expect(field(status, "Left before the rotation restarts")).toBe(`${total} of ${total} postable takeaways`);
    expect(status.card.notice).toBeUndefined();

    const poster = new RecordingPoster(clock);
    const scheduler = new DailyScheduler({ store: env.store, takeaways: () => bot.data.takeaways(), posters: { slack: poster }, clock, logger: createLogger("silent") });
    clock.set("2025-06-02T07:00:00Z");
    await scheduler.tick();
    expect(poster.deliveries.map((d) => d.channelId)).toContain("C4");
    const posted = poster.deliveries.find((d) => d.channelId === "C4")!;
    expect(posted.card.actions!.map((a) => [a.label, a.command])).toEqual([
      ["Read the talk", expect.stringMatching(/^talk \S+--\S+$/)],
      ["More on Security", "search Security"],
    ]);
    // The buttons' commands work on the real bot.
    const talk = await bot.run(posted.card.actions![0]!.command, ctx);
    expect(talk.isError).toBeFalsy();

    status = await bot.run("daily status", ctx);
    expect(field(status, "Next post")).toBe("Tue 3 Jun 2025 at 09:00 (Europe/Paris)");
    expect(field(status, "Left before the rotation restarts")).toBe(`${total - 1} of ${total} postable takeaways`);
  });

  it("refuses a topic with no takeaway worth posting, naming those that have some", async () => {
    const takeaways = await bot.data.takeaways();
    const empty = bot.data.topics.find((topic) => matchingTakeaways(takeaways, topic.label).length === 0)!;
    const reply = await bot.run(`daily on ${empty.id}`, { ...slack, channelId: "C7" });
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toContain(`No takeaway about ${empty.label} is worth posting yet. Topics with takeaways: `);
    expect(await env.store.getSubscription("slack:C7")).toBeUndefined();
  });

  it("says so in daily on and daily status when a topic has too few takeaways worth posting", async () => {
    const ctx = { ...slack, channelId: "C6" };
    const few = matchingTakeaways(await bot.data.takeaways(), "eBPF").length;
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(7);
    const only = few === 1 ? "Only 1 takeaway on eBPF is" : `Only ${few} takeaways on eBPF are`;
    const expected = `${only} worth posting, so the rotation restarts every ${few === 1 ? "day" : `${few} days`}; weaker ones are never posted to fill the gap.`;
    const on = await bot.run("daily on 09:00 eBPF", ctx);
    expect(on.card.notice).toBe(expected);
    expect(text(on)).toContain(`from ${few} ${few === 1 ? "takeaway" : "takeaways"} worth posting`);
    const status = await bot.run("daily status", ctx);
    expect(status.card.notice).toBe(expected);
    expect(field(status, "Left before the rotation restarts")).toBe(`${few} of ${few === 1 ? "1 postable takeaway" : `${few} postable takeaways`}`);
  });

  it("turns off, says so publicly, and reports it in status", async () => {
    const ctx = { ...slack, channelId: "C5" };
    expect((await bot.run("daily off", ctx)).card.body?.map((p) => plain(p.text)).join("")).toMatch(/gets no daily takeaways/);
    await bot.run("daily on", ctx);
    const off = await bot.run("daily off", ctx);
    expect(off).toMatchObject({ visibility: "public", card: { title: "Daily takeaways are off" } });
    expect(text(await bot.run("daily status", ctx))).toMatch(/Daily takeaways are off in this channel since .*: turned off by U1\./);
    expect((await env.store.getSubscription("slack:C5"))!.enabled).toBe(false);
  });

  it("offers `daily on` only to who can run it: a member who may not manage the channel is shown the preview", async () => {
    const manager = text(await bot.run("daily status", { ...slack, channelId: "C9" }));
    expect(manager).toContain("Turn them on with: daily on 09:00 Europe/Paris");
    const member = text(await bot.run("daily status", { ...slack, channelId: "C9", can: { manageChannel: false, channelPosts: true } }));
    expect(member).toContain("daily preview");
    expect(member).not.toContain("daily on");
    const bare = await bot.run("daily", { ...slack, channelId: "C9", can: { manageChannel: false, channelPosts: true } });
    expect(bare.card.notice).toBe("`daily` needs status or preview. Try `daily status`.");
    expect((await bot.run("daily", { ...slack, channelId: "C9" })).card.notice).toBe("`daily` needs on, off, status, preview or news. Try `daily on`.");
  });

  it("keeps subscriptions to chat channels", async () => {
    const reply = await bot.run("daily on", { platform: "cli", userId: "me", channelId: "terminal", can: TERMINAL });
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toBe("That posts in a channel later, so it works in a chat channel the bot is in: run it there.");
  });
});
