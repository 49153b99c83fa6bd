import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/app/load-bot.js";
import { formatRecapFile } from "../../src/corpus/recap-file.js";
import { CONTEXT, memoryLogger, shippedBot } from "../core/helpers.js";

describe("help", () => {
  it("lists the languages lang: takes: those of the corpus", async () => {
    const shipped = await shippedBot();
    expect((await shipped.run("help", CONTEXT)).card.footer).toContain("lang:<en|fr> ");

    const dir = mkdtempSync(join(tmpdir(), "kubecon-help-"));
    try {
      const recap = (id: string, language: string, body: string) =>
        writeFileSync(join(dir, `${id}.md`), formatRecapFile({ id, title: id, event: "KubeCon Japan 2025", event_id: "jp-2025", year: 2025, language }, body));
      recap("ja-notes", "ja", "## サービスメッシュの未来\n\n- サイドカーなしのメッシュが主流になりつつある。\n");
      recap("de-notes", "de", "## Plattformen bauen\n\n- Teams wollen einen goldenen Pfad.\n");
      const bot = await loadBot({ corpusDir: dir, logger: memoryLogger().logger });
      expect((await bot.run("", CONTEXT)).card.footer).toContain("lang:<de|en|ja> ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
