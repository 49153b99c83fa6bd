import { beforeAll, describe, expect, it } from "vitest";
import { plain } from "../../src/cards/card.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { CONTEXT, shippedBot } from "../core/helpers.js";

let bot: LoadedBot;
beforeAll(async () => {
  bot = await shippedBot();
});

/** The card's takeaway and the command of its "Another" button. */
async function show(command: string): Promise<{ text: string; another: string }> {
  const reply = await bot.run(command, CONTEXT);
  expect(reply.isError).toBeUndefined();
  const another = reply.card.actions!.find((a) => a.label === "Another")!;
  return { text: plain(reply.card.body![0]!.text), another: another.command };
}

describe("takeaway", () => {
  it("deals every postable takeaway once through its Another button, no section twice before all had one", async () => {
    const pool = await bot.data.takeaways();
    const sectionOf = new Map(pool.map((t) => [t.text, t.sectionId]));
    const sections = new Set(pool.map((t) => t.sectionId)).size;
    const shown: string[] = [];
    let command = "takeaway";
    for (let i = 0; i < pool.length; i++) {
      const card = await show(command);
      shown.push(card.text);
      command = card.another;
    }
    expect(new Set(shown).size).toBe(pool.length);
    const firstRound = shown.slice(0, sections).map((text) => sectionOf.get(text));
    expect(new Set(firstRound).size).toBe(sections);
    expect((await show(command)).text).toBe(shown[0]);
  });

  it("answers a damaged Another command with a short message", async () => {
    for (const text of ["takeaway-next", "takeaway-next x 1", "takeaway-next 1 -4"]) {
      const reply = await bot.run(text, CONTEXT);
      expect(reply.isError).toBe(true);
    }
  });
});
