import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Reply } from "../../src/cards/card.js";
import { dailyCard } from "../../src/cards/takeaway-card.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { CommandContext } from "../../src/commands/context.js";
import { systemClock } from "../../src/daily/clock.js";
import { dailyCommands } from "../../src/daily/commands.js";
import { createLogger } from "../../src/log/logger.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";

/** One card to preview: what it is, the command that produced it, and the core's reply. */
export interface PreviewCard {
  kind: string;
  command: string;
  reply: Reply;
}

const CTX: CommandContext = { platform: "preview", userId: "U0PREVIEW", channelId: "C0PREVIEW", spaceId: "T0PREVIEW", can: { manageChannel: true, channelPosts: true } };

/** Commands whose answers show every kind of card, errors included. */
const COMMANDS: readonly { kind: string; command: string; share?: boolean }[] = [
  { kind: "search", command: "search ebpf" },
  { kind: "search, page 2", command: "search kubernetes page:2" },
  { kind: "search, shared in a channel", command: "search service mesh", share: true },
  { kind: "talk", command: "" },
  { kind: "event", command: "event eu-2018" },
  { kind: "events", command: "events" },
  { kind: "topics", command: "topics" },
  { kind: "takeaway", command: "takeaway" },
  { kind: "help", command: "help" },
  { kind: "error: no result", command: "search zzzqqqxxx" },
  { kind: "error: mistyped command", command: "serch ebpf" },
  { kind: "error: bad daily time", command: "daily on 25:99 Mars/Olympus" },
];

/**
 * The real core's answers to COMMANDS over the shipped corpus (the daily commands on a throwaway
 * SQLite file, takeaways picked deterministically), plus a daily post as the scheduler builds it.
 */
export async function previewCards(corpusDir = "data/recaps"): Promise<PreviewCard[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "kubecon-preview-"));
  const store = openSqliteDailyStore(dataDir);
  try {
    const bot = await loadBot({
      corpusDir,
      logger: createLogger("silent"),
      random: () => 0,
      commands: (data) => dailyCommands({ store: () => store, takeaways: () => data.takeaways(), clock: systemClock, topics: data.topics }),
    });
    const firstTalk = (await bot.run("search ebpf", CTX)).card.items?.[0]?.details?.command ?? "help";
    const cards: PreviewCard[] = [];
    for (const { kind, command, share } of COMMANDS) {
      const text = kind === "talk" ? firstTalk : command;
      cards.push({ kind, command: text, reply: await bot.run(text, CTX, { share }) });
    }
    const takeaway = (await bot.data.takeaways())[0];
    if (takeaway) cards.splice(8, 0, { kind: "daily post", command: "(scheduler)", reply: { card: dailyCard(takeaway), visibility: "public" } });
    return cards;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
