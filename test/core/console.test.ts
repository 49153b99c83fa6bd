import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app/app-bot.js";
import { runConsole } from "../../src/cli/console.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { openSqliteDailyStore, type SqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";

let dir: string;
let store: SqliteDailyStore;
let feedback: ReturnType<typeof openSqliteFeedbackStore>;
let bot: LoadedBot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-console-"));
  store = openSqliteDailyStore(dir);
  feedback = openSqliteFeedbackStore(dir);
  // As `npm start` builds it with no platform configured.
  bot = await createAppBot({ corpusDir: "data/recaps", logger: createLogger("silent"), store, feedback, platforms: ["Slack", "Discord"] });
});

afterAll(async () => {
  await store.close();
  await feedback.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Types lines at the console and returns each answer. */
async function type(...lines: string[]): Promise<string[]> {
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  await runConsole(bot, Readable.from([`${lines.join("\n")}\n`]), output);
  return text.split("kubecon> ").slice(1).map((answer) => answer.trim()).filter(Boolean);
}

describe("the console, one more front end over the same bot", () => {
  it("daily preview shows the card a daily post would show", async () => {
    const [preview] = await type("daily preview");
    expect(preview).toMatch(/^KubeCon takeaway of the day/);
    expect(preview).toContain("! A preview: this is the card a daily post would show.");
    expect(preview).toContain("[Read the talk: talk ");
  });

  it("daily on explains that posting needs Slack or Discord, and subscribes nothing", async () => {
    const [on] = await type("daily on 09:00 Europe/Paris");
    expect(on).toBe("Sorry, I can't do that\n! That posts in a channel later, so it works in a Slack or Discord channel the bot is in: run it there.");
    expect(await store.getSubscription("cli:console")).toBeUndefined();
  });

  it("an empty line gives help, as an empty command does on every platform", async () => {
    const [help, events] = await type("", "events");
    expect(help).toMatch(/^kubecon: KubeCon talks from recap write-ups\nType a topic to search, or one of these commands:/);
    expect(events).toMatch(/^KubeCon events in the corpus/);
  });

  it("hints name only what works in the console: daily preview, never daily on", async () => {
    const [status, bare, unknown] = await type("daily status", "daily", "daily sometimes");
    expect(status).toBe("Daily posts\n\nThis channel gets no daily takeaways. See the card a daily post would show with: daily preview");
    expect(bare).toBe("Sorry, I can't do that\n! `daily` needs status or preview. Try `daily status`.");
    expect(unknown).toBe("Sorry, I can't do that\n! `action` must be one of status, preview, not “sometimes”.");
  });

  it("help lists only what works here: daily preview, not daily on", async () => {
    const [help] = await type("help");
    expect(help).toContain("• daily: See the card a daily takeaway post shows (posting needs a chat channel)  e.g. daily preview | daily preview ebpf");
    expect(help).not.toContain("daily on");
    expect(help).not.toContain("vote");
  });
});
