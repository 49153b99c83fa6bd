import { afterEach, describe, expect, it } from "vitest";
import { discordPoster } from "../../adapters/discord/poster.js";
import { createRest } from "../../adapters/discord/rest.js";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import { FakeClock, memoryLogger, RecordingPoster, subscriptionSettings, takeaway, tempStore } from "../daily/helpers.js";

/**
 * A post sent, then the process killed before it was recorded: the next process re-sends under the
 * same claim id. Discord recognises the re-send (its nonce) only for a few minutes and cannot be
 * searched for the post; a re-send later than that may post twice, and says so: a warn line and a
 * count (kubecon_daily_late_resends_total) to alert on.
 */

let env: ReturnType<typeof tempStore> | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

/** A post whose send began at 09:00:01 on a process that died before recording it, then a scheduler started at `restartAt`. */
async function restartAfterKill(restartAt: string) {
  env = tempStore();
  const store = env.store;
  await store.saveSubscription(subscriptionSettings({ id: "discord:C9", platform: "discord", channelId: "C9" }));
  const [claim] = await store.claim([{ subscriptionId: "discord:C9", localDate: "2025-06-02", claimId: "0123456789abcdef01234567" }], new Date("2025-06-02T09:00:00Z"), new Date(0));
  expect(await store.markSending(claim!, "t#1", 0, new Date("2025-06-02T09:00:01Z"))).toBe(true);

  const clock = new FakeClock(restartAt);
  // Discord's own poster says how long its nonce recognises a re-send; the deliveries are recorded by a stand-in poster.
  const recording = Object.assign(new RecordingPoster(clock, { dedupe: true }), { resendWindowMs: discordPoster(createRest("p".repeat(60), "http://127.0.0.1:9/api")).resendWindowMs });
  const log = memoryLogger();
  const late: string[] = [];
  const scheduler = new DailyScheduler({ store, takeaways: async () => [takeaway("t#1"), takeaway("t#2")], posters: { discord: recording }, clock, logger: log.logger, onLateResend: (platform) => late.push(platform) });
  await scheduler.tick();
  return { recording, log, late };
}

describe("a Discord post re-sent after a crash", () => {
  it("within the nonce window: re-sent quietly (Discord answers with the first message)", async () => {
    const { recording, log, late } = await restartAfterKill("2025-06-02T09:04:00Z");
    expect(recording.attempts).toHaveLength(1);
    expect(late).toEqual([]);
    expect(log.lines().filter((line) => line.level === 40)).toEqual([]);
  });

  it("later than the nonce window: re-sent, with a warn line and a count, as it may show twice", async () => {
    const { recording, log, late } = await restartAfterKill("2025-06-02T09:30:00Z");
    expect(recording.attempts).toHaveLength(1);
    expect(late).toEqual(["discord"]);
    expect(log.lines().find((line) => line.msg === "daily post re-sent after the platform's duplicate window: it may show twice")).toMatchObject({
      level: 40,
      subscriptionId: "discord:C9",
      sentAgo: "30 min",
    });
  });
});
