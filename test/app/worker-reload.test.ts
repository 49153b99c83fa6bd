import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/app/load-bot.js";
import { ReloadableBot } from "../../src/app/reloadable-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { storedRecapName, type RecapText } from "../../src/corpus/stored-recaps.js";
import { Liveness } from "../../src/health/liveness.js";
import { HttpHost } from "../../src/http/server.js";
import { syntheticSections } from "../bench/synthetic.js";
import { CONTEXT, ensureBuilt, memoryLogger } from "../core/helpers.js";
import { recapTextsOf } from "../support/recap-texts.js";

const log = memoryLogger();
const NEW_RECAP: RecapText = {
  name: storedRecapName(1),
  text: `---\nid: eu-2031-notes\ntitle: "KubeCon Europe 2031 - Notes"\nevent: "KubeCon Europe 2031"\nevent_id: eu-2031\nyear: 2031\nlanguage: en\n---\n\nQuillernetes operators at scale - Ada Lovelace, Example\n\n- Quillernetes runs an operator for every cluster.\n`,
};

let first: LoadedBot;
let stored: RecapText[];
let http: HttpHost;
let port: number;
beforeAll(async () => {
  ensureBuilt();
  first = await loadBot({ logger: log.logger });
  // Large enough that its build takes far longer than a request on loopback.
  stored = [NEW_RECAP, ...recapTextsOf(syntheticSections(first.data.corpus.sections, first.data.topics, 2_000))];
  http = new HttpHost(log.logger, { liveness: new Liveness().start() });
  port = await http.listen(0, "127.0.0.1");
}, 120_000);
afterAll(() => http?.close());

const answerText = async (bot: ReloadableBot, command: string) => JSON.stringify((await bot.run(command, CONTEXT)).card);

describe("a reload while the bot serves", () => {
  it("builds the new index in a worker: /healthz and searches are answered, from the old index, until it is swapped in", { timeout: 180_000 }, async () => {
    const bot = new ReloadableBot(first, () => loadBot({ logger: log.logger, stored, inWorker: true }), log.logger);
    let swapped = false;
    const reloading = bot.reload("test").then((ok) => ((swapped = true), ok));

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await answerText(bot, "search quillernetes")).not.toContain("Quillernetes operators");
    // Both answered while the build went on: on this thread, it would have held them until it ended.
    expect(swapped).toBe(false);

    expect(await reloading).toBe(true);
    expect(bot.data.corpus.sections.length).toBeGreaterThan(2_000);
    expect(await answerText(bot, "search quillernetes")).toContain("Quillernetes operators");
  });
});
