import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app/app-bot.js";
import { plain } from "../../src/cards/card.js";
import type { CommandContext } from "../../src/commands/context.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { openSqliteDailyStore, type SqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { CONTEXT, shippedBot } from "../core/helpers.js";

/** The card's takeaway and the command of its "Another" button. */
async function show(bot: LoadedBot, command: string, ctx: CommandContext = CONTEXT): Promise<{ text: string; another: string }> {
  const reply = await bot.run(command, ctx);
  expect(reply.isError).toBeUndefined();
  const another = reply.card.actions!.find((a) => a.label === "Another")!;
  return { text: plain(reply.card.body![0]!.text), another: another.command };
}

/** Every postable takeaway once, and the sections of the first round (one card a section) all different. */
async function expectOneDeal(bot: LoadedBot, shown: readonly string[]): Promise<void> {
  const pool = await bot.data.takeaways();
  const sectionOf = new Map(pool.map((t) => [t.text, t.sectionId]));
  const sections = new Set(pool.map((t) => t.sectionId)).size;
  expect(shown).toHaveLength(pool.length);
  expect(new Set(shown).size).toBe(pool.length);
  expect(new Set(shown.slice(0, sections).map((text) => sectionOf.get(text))).size).toBe(sections);
}

describe("takeaway without a store", () => {
  let bot: LoadedBot;
  beforeAll(async () => {
    bot = await shippedBot();
  });

  it("deals every postable takeaway once through its Another button, no section twice before all had one", async () => {
    const pool = await bot.data.takeaways();
    const shown: string[] = [];
    let command = "takeaway";
    for (let i = 0; i < pool.length; i++) {
      const card = await show(bot, command);
      shown.push(card.text);
      command = card.another;
    }
    await expectOneDeal(bot, shown);
    expect((await show(bot, command)).text).toBe(shown[0]);
  });

  it("answers a damaged Another command with a short message", async () => {
    for (const text of ["takeaway-next", "takeaway-next x 1", "takeaway-next 1 -4"]) {
      const reply = await bot.run(text, CONTEXT);
      expect(reply.isError).toBe(true);
    }
  });
});

describe("takeaway with the daily store", () => {
  let dir: string;
  let stores: SqliteDailyStore[];
  let feedback: ReturnType<typeof openSqliteFeedbackStore>;
  let bots: LoadedBot[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kubecon-deal-"));
    feedback = openSqliteFeedbackStore(dir);
    // Two bots over one data folder, as two replicas over one database: a deal is the space's, not a process's.
    stores = [openSqliteDailyStore(dir), openSqliteDailyStore(dir)];
    bots = await Promise.all(stores.map((store) => createAppBot({ corpusDir: "data/recaps", logger: createLogger("silent"), store, feedback })));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await feedback.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const inChannel = (channelId: string, userId: string): CommandContext => ({ ...CONTEXT, platform: "slack", spaceId: "T1", channelId, userId });

  it("never shows a channel a section twice across separate commands, typed or Another, on any replica, until the pool is used up", async () => {
    const size = (await bots[0]!.data.takeaways()).length;
    const shown: string[] = [];
    const elsewhere: string[] = [];
    let command = "takeaway";
    for (let i = 0; i < size; i++) {
      // Two people of the channel, on either replica, typing or pressing Another (which goes on with the channel's deal).
      const card = await show(bots[i % 2]!, i % 3 === 0 ? "takeaway" : command, inChannel("C1", `U${i % 2}`));
      shown.push(card.text);
      command = card.another;
      // Another channel's deal and a direct message's run beside it without taking from it.
      if (i % 5 === 0) elsewhere.push((await show(bots[1]!, "takeaway", inChannel("C2", "U1"))).text);
      if (i % 7 === 0) await show(bots[0]!, "takeaway", { ...CONTEXT, platform: "slack", channelId: "D1", userId: "U1" });
    }
    expect(command).toBe("takeaway");
    await expectOneDeal(bots[0]!, shown);
    expect(new Set(elsewhere).size).toBe(elsewhere.length);
  });
});
