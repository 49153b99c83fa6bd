import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plain } from "../../src/cards/card.js";
import { loadBot, loadBotData } from "../../src/app/load-bot.js";
import { createBot, type LoadedBot } from "../../src/commands/create-bot.js";
import { plural } from "../../src/text/plural.js";
import { CONTEXT, SHIPPED_RECAPS, memoryLogger, shippedBot } from "./helpers.js";

let bot: LoadedBot;
beforeAll(async () => {
  bot = await shippedBot();
});
const run = (text: string) => bot.run(text, CONTEXT);

describe("bot.run: mistakes get a short answer", () => {
  it.each([
    ["serch ebpf", "search"],
    ["evnts", "events"],
    ["topcs", "topics"],
    ["takeawy", "takeaway"],
  ])("“%s” is a mistyped command: did you mean `%s`?", async (text, command) => {
    const reply = await run(text);
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toContain(`Did you mean \`${command}\`?`);
  });

  it("a first word of the corpus is a search, not a mistyped command", async () => {
    // "helm" is one edit from "help", but talks mention it: the user is searching.
    expect(bot.data.engine.knows("helm")).toBe(true);
    const reply = await run("helm");
    expect(reply.isError).toBeUndefined();
    expect(reply.card.title).toBe("KubeCon talks on “helm”");
  });

  it("an unknown event id names the known ones", async () => {
    for (const text of ["event eu-1999", "search ebpf event:eu-1999"]) {
      const reply = await run(text);
      expect(reply.isError).toBe(true);
      expect(reply.card.notice).toBe("There is no event “eu-1999”. Known events: eu-2016, eu-2018, eu-2021, eu-2022, na-2020.");
    }
  });

  it("an empty command, or one of blanks and control characters, shows the help card", async () => {
    for (const text of ["", "   ", "\u0000\t\n"]) {
      const reply = await run(text);
      expect(reply.isError).toBeUndefined();
      expect(reply.card.title).toBe("kubecon: KubeCon talks from recap write-ups");
      expect(reply.card.body?.map((p) => plain(p.text).split(":")[0])).toEqual(["search", "talk", "events", "event", "topics", "takeaway", "now", "next", "today", "help"]);
    }
  });

  it("a 10,000-character command gets a short error card, not a stack trace", async () => {
    const reply = await run(`search ${"kubernetes ".repeat(1000)}`);
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toMatch(/^That is 11007 characters; keep a command under \d+\.$/);
    expect(JSON.stringify(reply.card)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("a query of stop words only says there is nothing to search for", async () => {
    const reply = await run("search the and of");
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toContain("has no word to search for");
  });

  it("a page past the last says how many pages there are", async () => {
    const reply = await run("search gitops page:50");
    expect(reply.isError).toBe(true);
    expect(reply.card.notice).toMatch(/^There (is only 1 page|are only \d+ pages) of results for “gitops”\.$/);
  });

  it("an unknown talk id says so", async () => {
    const reply = await run("talk na-2020-virtual-recap--nothing-here");
    expect(reply).toMatchObject({ isError: true, visibility: "ephemeral" });
  });
});

describe("bot.run: answers", () => {
  it("text without a command is a search", async () => {
    const implicit = await run("stop writing operators");
    const explicit = await run("search stop writing operators");
    expect(implicit.card).toEqual(explicit.card);
    expect(implicit.card.items?.[0]?.title).toBe("Stop Writing Operators");
  });

  it("search results link to their talk, and the Details command opens it", async () => {
    const reply = await run("search art of hiding yourself");
    const item = reply.card.items?.find((i) => i.title === "The Art of Hiding Yourself");
    expect(item?.meta).toContain("Lorenzo Fontana, Sysdig");
    const talk = await run(item!.details!.command);
    expect(talk.card.title).toBe("The Art of Hiding Yourself");
    expect(talk.card.subtitle).toBe("Lorenzo Fontana, Sysdig");
  });

  it("paging buttons carry the whole search, filters included", async () => {
    const page1 = await run("search kubernetes year:2020");
    const next = page1.card.actions?.find((a) => a.label.startsWith("Next"));
    expect(next?.command).toBe("search kubernetes year:2020 page:2");
    const page2 = await run(next!.command);
    expect(page2.card.footer).toMatch(/^Results 6–10 of \d+ · page 2 of \d+$/);
    const previous = page2.card.actions?.find((a) => a.label.startsWith("◀"));
    expect(previous?.command).toBe("search kubernetes year:2020");
    const titles1 = page1.card.items!.map((i) => i.title);
    for (const item of page2.card.items!) expect(titles1).not.toContain(item.title);
  });

  it("share returns the same card, public, signed by the user", async () => {
    const own = await run("search gitops");
    const shared = await bot.run("search gitops", CONTEXT, { share: true });
    expect(shared.visibility).toBe("public");
    expect(shared.card).toEqual({ ...own.card, sharedBy: CONTEXT.userId });
  });

  it("an error is never shared", async () => {
    const shared = await bot.run("event eu-1999", CONTEXT, { share: true });
    expect(shared).toMatchObject({ isError: true, visibility: "ephemeral" });
    expect(shared.card.sharedBy).toBeUndefined();
  });
});

describe("createBot", () => {
  it("logs a skipped recap and keeps the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubecon-bot-"));
    try {
      copyFileSync(join(SHIPPED_RECAPS, "eu-2021-homecooked.md"), join(dir, "eu-2021-homecooked.md"));
      writeFileSync(join(dir, "broken.md"), "no front matter\n");
      const { logger, lines } = memoryLogger();
      const small = await loadBot({ corpusDir: dir, logger });
      expect(small.data.corpus.recaps.map((r) => r.id)).toEqual(["eu-2021-homecooked"]);
      const warning = lines().map((l) => JSON.parse(l)).find((l) => l.msg === "recap skipped");
      expect(warning?.problem).toMatch(/^broken\.md: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the core's rules, the same for every front end", () => {
  const CHAT = { manageChannel: true, channelPosts: true };
  const context = (can: { manageChannel: boolean; channelPosts: boolean }) => ({ platform: "test", userId: "U1", channelId: "C1", can });
  const changes = { count: 0 };
  const { logger, lines } = memoryLogger();
  let ruled: LoadedBot;
  beforeAll(async () => {
    ruled = createBot(await loadBotData({ logger }), {
      logger,
      platforms: ["Slack", "Discord"],
      commands: [
        {
          name: "paint",
          summary: "Paint the channel (changes it)",
          examples: ["paint red", "paint look"],
          args: [{ name: "colour", description: "A colour, or look", type: "string", positional: true, required: true }],
          visibility: (args) => (args.colour === "look" ? "ephemeral" : "public"),
          needs: (args) => (args.colour === "look" ? [] : ["channelPosts", "manageChannel"]),
          help: (can) => (can.channelPosts ? { name: "paint", summary: "Paint the channel (changes it)", examples: ["paint red"] } : { name: "paint", summary: "Look only", examples: ["paint look"] }),
          run: (args) => {
            if (args.colour === "boom") throw new Error("paint exploded");
            changes.count++;
            return { card: { title: `painted ${args.colour}` }, visibility: args.colour === "look" ? "ephemeral" : "public" };
          },
        },
      ],
    });
  });

  it("refuses a change to an asker who may not manage the channel, and where posts cannot reach", async () => {
    const refused = await ruled.run("paint red", context({ manageChannel: false, channelPosts: true }));
    expect(refused).toMatchObject({ isError: true, visibility: "ephemeral", card: { notice: "You need permission to manage this channel to do that." } });
    const nowhere = await ruled.run("paint red", context({ manageChannel: true, channelPosts: false }));
    expect(nowhere.card.notice).toBe("That posts in a channel later, so it works in a Slack or Discord channel the bot is in: run it there.");
    expect(changes.count).toBe(0);
    expect((await ruled.run("paint look", context({ manageChannel: false, channelPosts: false }))).card.title).toBe("painted look");
    expect((await ruled.run("paint red", context(CHAT))).card.title).toBe("painted red");
    expect(changes.count).toBe(2);
  });

  it("hints at an example that works where the hint is shown", async () => {
    expect((await ruled.run("paint", context(CHAT))).card.notice).toBe("`paint` needs a colour, or look. Try `paint red`.");
    const terminal = { manageChannel: true, channelPosts: false };
    expect((await ruled.run("paint", context(terminal))).card.notice).toBe("`paint` needs a colour, or look. Try `paint look`.");
    expect((await ruled.run("paint red green", context(terminal))).card.notice).toBe("`paint` does not take “green”. Try `paint look`.");
  });

  it("knows who will see an answer from the arguments, before running it", () => {
    expect(ruled.visibilityOf("paint red")).toBe("public");
    expect(ruled.visibilityOf("paint look")).toBe("ephemeral");
    expect(ruled.visibilityOf("search ebpf")).toBe("ephemeral");
    expect(ruled.visibilityOf("paint")).toBe("ephemeral");
  });

  it("never rejects: our own failure is an error card and a log line", async () => {
    const reply = await ruled.run("paint boom", context(CHAT));
    expect(reply).toMatchObject({ isError: true, card: { notice: "Something went wrong on our side; it has been logged. Please try again." } });
    expect(lines().some((line) => line.includes("paint exploded") && line.includes('"command failed"'))).toBe(true);
  });

  it("lists in help only what works where it is asked", async () => {
    const names = async (can: typeof CHAT) => (await ruled.run("help", context(can))).card.body!.map((p) => plain(p.text));
    expect((await names(CHAT)).some((line) => line.startsWith("paint: Paint the channel"))).toBe(true);
    expect(await names({ manageChannel: true, channelPosts: false })).toContain("paint: Look only  e.g. paint look");
  });

  it("says 1 page, not 1 pages", async () => {
    expect(plural(1, "section")).toBe("1 section");
    expect(plural(2, "section")).toBe("2 sections");
    expect(plural(12000, "takeaway")).toBe("12,000 takeaways");
  });
});
