import { describe, expect, it } from "vitest";
import { CONTEXT, shippedBot, withRecapsIn } from "../core/helpers.js";

describe("help", () => {
  it("lists the languages lang: takes: those of the corpus", async () => {
    const shipped = await shippedBot();
    expect((await shipped.run("help", CONTEXT)).card.footer).toContain("lang:<en|fr> ");

    const recaps = [
      { id: "ja-notes", language: "ja", body: "## サービスメッシュの未来\n\n- サイドカーなしのメッシュが主流になりつつある。\n" },
      { id: "de-notes", language: "de", body: "## Plattformen bauen\n\n- Teams wollen einen goldenen Pfad.\n" },
    ];
    await withRecapsIn(recaps, async (bot) => {
      expect((await bot.run("", CONTEXT)).card.footer).toContain("lang:<de|en|ja> ");
    });
  });
});
