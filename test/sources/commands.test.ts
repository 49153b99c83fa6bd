import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { slashCommandBody } from "../slack/signing.js";
import { loadBotData } from "../../src/app/load-bot.js";
import { plain } from "../../src/cards/card.js";
import type { Capabilities, CommandContext } from "../../src/commands/context.js";
import { createBot, type LoadedBot } from "../../src/commands/create-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { addressPolicy } from "../../src/sources/address-policy.js";
import { sourcesCommands } from "../../src/sources/commands.js";
import { refreshContext } from "../../src/sources/refresher.js";
import { refreshSource } from "../../src/sources/refresh.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { recapPage, rss } from "./fixtures.js";
import { startSite } from "./site.js";

let site: Awaited<ReturnType<typeof startSite>>;
let dir: string;
let store: RecapStore;
let bot: LoadedBot;
const logger = createLogger("silent");
// The clock moves only when the fetcher waits between requests: what "sources" says of the last and the next refresh is the same on a busy machine.
const clock = { at: Date.parse("2026-05-04T09:00:00Z") };
const pace = { now: () => clock.at, sleep: async (ms: number) => void (clock.at += ms) };
const ctx = refreshContext({ store: undefined as never, logger, intervalMs: 3_600_000, addresses: addressPolicy({ publicAddresses: ["127.0.0.1"] }), userAgent: "kubecon-bot/test", pace });

beforeAll(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), "kubecon-sources-chat-"));
  store = openSqliteRecapStore(dir);
  Object.assign(ctx, { store });
  bot = createBot(await loadBotData({ corpusDir: "data/recaps", logger }), { logger, commands: sourcesCommands({ refresh: () => ctx }) });
  site.pages.set("/feed.xml", { type: "application/rss+xml", body: rss([{ title: "KubeCon EU 2026 notes", link: `${site.base}/posts/k` }]) });
  site.pages.set("/posts/k", { body: recapPage({ base: site.base, slug: "k", title: "KubeCon Europe 2026 notes", talk: "Gateway API in Production - Sam Doe, Acme", note: "They moved in a quarter." }) });
});

afterAll(async () => {
  await store.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (can: Capabilities): CommandContext => ({ platform: "test", userId: "U1", channelId: "C1", can });
const member = as({ manageChannel: true, channelPosts: true });
const manager = as({ manageChannel: false, channelPosts: true, manageSources: true });

describe("sources in chat", () => {
  it("lets a manager add a source (its kind detected) and remove it, and anyone list them", async () => {
    const added = await bot.run(`sources add ${site.base}/feed.xml hint:"KubeCon EU 2026"`, manager);
    expect(added.isError).toBeUndefined();
    expect(plain(added.card.body![0]!.text)).toBe(`Source 1: ${site.base}/feed.xml (feed, event hint KubeCon EU 2026). New recaps from it come with the next refresh.`);
    expect((await bot.run(`sources add ${site.base}/feed.xml`, manager)).card.title).toBe("Already followed");
    expect((await bot.run(`sources add <${site.base}/feed.xml>`, manager)).card.title).toBe("Already followed");

    const before = await bot.run("sources", member);
    expect(before.visibility).toBe("ephemeral");
    expect(before.card.items).toEqual([{ title: `${site.base}/feed.xml`, meta: "source 1 · feed · KubeCon EU 2026 · 0 recaps", snippet: [{ text: "not refreshed yet" }] }]);
    await refreshSource((await store.getSource(1))!, ctx);
    const after = await bot.run("sources list", member);
    expect(after.card.items![0]).toMatchObject({ meta: "source 1 · feed · KubeCon EU 2026 · 1 recap", snippet: [{ text: "read 2 s ago, next in 1 h" }] });

    const removed = await bot.run("sources remove 1", manager);
    expect(plain(removed.card.body![0]!.text)).toContain("is no longer followed; the recaps found through it stay");
    expect(await store.listRecaps()).toHaveLength(1);
    expect((await bot.run("sources", member)).card.body).toBeDefined();
  });

  it("refuses adding and removing to anyone else, and says why", async () => {
    for (const text of [`sources add ${site.base}/feed.xml`, "sources remove 1"]) {
      const reply = await bot.run(text, member);
      expect(reply).toMatchObject({ isError: true, card: { notice: "Only the people who manage the bot (workspace or server admins) can change its sources." } });
    }
    expect(await store.listSources()).toEqual([]);
  });

  it("answers a mistake with what to do", async () => {
    expect((await bot.run("sources add ftp://files.example/x", manager)).card.notice).toBe("Only http:// and https:// addresses can be followed.");
    expect((await bot.run(`sources add ${site.base}/feed.xml hint:"next year"`, manager)).card.notice).toMatch(/names the event and its year, like “KubeCon EU 2026”/);
    expect((await bot.run("sources remove 99", manager)).card.notice).toBe("There is no source 99: `sources list` shows their numbers.");
    expect((await bot.run(`sources add ${site.base}/missing`, manager)).card.notice).toMatch(/missing answered 404/);
  });
});

describe("who manages the sources in Slack", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(bot, { managers: new Set(["ULISTED"]) });
    harness.standin.admins.add("UADMIN");
  });
  afterAll(() => harness.close());

  const slash = async (userId: string) =>
    (await postSigned(harness.url, slashCommandBody({ text: "sources remove 42", userId, responseUrl: harness.standin.responseUrl(`r-${userId}`) }))).json();

  it("a workspace admin (asked of Slack) or a user of SLACK_CHANNEL_MANAGERS, not another member", async () => {
    expect((await slash("UADMIN")).text).toContain("There is no source 42");
    expect((await slash("ULISTED")).text).toContain("There is no source 42");
    expect((await slash("UMEMBER")).text).toContain("Only the people who manage the bot");
    expect(harness.standin.calls("users.info").map((call) => call.body.user)).toEqual(["UADMIN", "UMEMBER"]);
  });

  it("an install without users:read: the asker is told to have the app reinstalled, the log says which workspace lacks the scope", async () => {
    const older = ["commands", "chat:write", "chat:write.public", "app_mentions:read", "im:history", "channels:history", "groups:history"];
    harness.standin.grantedScopes.set("xoxb-test-token", older);
    try {
      const answer = (await slash("UADMIN")).text as string;
      expect(answer).toContain("this Slack app was installed without the users:read permission. Ask whoever installed it to reinstall the app");
      expect(answer).not.toContain("Only the people who manage the bot");
      const logged = await harness.logs.waitFor((line) => String(line.msg).includes("lacks the users:read scope"));
      expect(logged).toMatchObject({ level: 40, user: "UADMIN", team: "T0001", needed: "users:read", provided: older.join(",") });
      expect(String(logged.msg)).toContain("reinstall the app in this workspace");
      // A listed manager needs no admin check, and so no scope.
      expect((await slash("ULISTED")).text).toContain("There is no source 42");
    } finally {
      harness.standin.grantedScopes.delete("xoxb-test-token");
    }
  });

  it("Slack failing to answer the admin check: a try-again answer and a log line, not a refusal", async () => {
    harness.standin.failApi("users.info", "internal_error");
    expect((await slash("UADMIN")).text).toContain("Slack did not tell me whether you are a workspace admin just now: try again in a minute.");
    expect(await harness.logs.waitFor((line) => line.msg === "slack users.info failed: the admin check could not be made")).toMatchObject({ user: "UADMIN", team: "T0001" });
  });
});
