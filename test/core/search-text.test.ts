import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/commands/bot.js";
import { loadBot } from "../../src/app/load-bot.js";
import { searchCommandFor } from "../../src/commands/search-text.js";
import { createLogger } from "../../src/log/logger.js";

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") });
});

describe("a search command for free text", () => {
  it("searches the text as it is, even when it reads like a command or a filter", () => {
    expect(searchCommandFor(bot.commands, "  talk about\tebpf  ")).toBe("search talk about ebpf");
    expect(searchCommandFor(bot.commands, "events year:2020")).toBe('search events "year:2020"');
  });

  it("cuts long text between words to what the query takes, and the core runs it", async () => {
    const command = searchCommandFor(bot.commands, "service mesh ".repeat(40))!;
    expect(command.length).toBeLessThanOrEqual("search ".length + 200);
    expect(command).toMatch(/ mesh$/);
    expect((await bot.run(command, { platform: "test", userId: "u", channelId: "c", can: { manageChannel: true, channelPosts: true } })).isError).toBeUndefined();
    expect(searchCommandFor(bot.commands, "x".repeat(300))!.length).toBe("search ".length + 200);
    expect(searchCommandFor(bot.commands, `${"a".repeat(199)}😀`)).toBe(`search ${"a".repeat(199)}`);
  });

  it("has nothing to search for in empty or blank text", () => {
    expect(searchCommandFor(bot.commands, "")).toBeUndefined();
    expect(searchCommandFor(bot.commands, " \u200b\n ")).toBeUndefined();
  });
});
