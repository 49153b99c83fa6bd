import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter } from "../../src/adapter/adapter.js";
import { readSettings } from "../../src/app/settings.js";
import { startAdapters, type StartedAdapters } from "../../src/app/start-adapters.js";
import type { Card } from "../../src/cards/card.js";
import { renderText } from "../../src/cards/text.js";
import { textOf } from "../../src/config/env.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { dailyWorld, type DailyWorld } from "../e2e/world.js";

/**
 * A third platform in a few dozen lines, written against the core's Adapter type only: one
 * variable, a JSON webhook answering with the card as text, and a poster that keeps what it posts.
 */
const posted: { channelId: string; card: Card }[] = [];
const toyAdapter: Adapter<{ token: string }> = {
  name: "toy",
  label: "Toy Chat",
  fromEnv: (env) => {
    const token = textOf(env, "TOY_TOKEN");
    return { ok: true, value: token === undefined ? undefined : { token } };
  },
  startHints: { credentials: "TOY_TOKEN", address: "the network" },
  async start({ config, bot, http }) {
    // The host has read the body (within its limit) before the route runs.
    http.mount("/toy/commands", async (req, res) => {
      const { token, user, channel, text } = JSON.parse(req.rawBody.toString("utf8")) as Record<string, string>;
      if (token !== config.token) return void res.writeHead(401).end();
      const reply = await bot.run(text!, { platform: "toy", userId: user!, channelId: channel!, can: { manageChannel: true, channelPosts: true } });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ public: reply.visibility === "public", text: renderText(reply.card) }));
    });
    return {
      mode: "webhook",
      poster: { post: async ({ channelId }, card) => (posted.push({ channelId, card }), { messageId: String(posted.length) }) },
      ready: () => true,
      stop: async () => {},
    };
  },
};

let world: DailyWorld;
let started: StartedAdapters;
let http: HttpHost;
let url: string;

beforeAll(async () => {
  world = await dailyWorld("2025-06-10T05:00:00Z");
  const logger = createLogger("silent");
  const { wanted } = readSettings({ TOY_TOKEN: "s3cret" }, [toyAdapter]);
  http = new HttpHost(logger);
  started = await startAdapters(wanted, { bot: world.bot, logger, http, store: world.store });
  url = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}/toy/commands`;
});

afterAll(async () => {
  await started?.stop();
  await http?.close();
  await world?.close();
});

const say = async (text: string) =>
  (await (await fetch(url, { method: "POST", body: JSON.stringify({ token: "s3cret", user: "u1", channel: "c1", text }) })).json()) as { public: boolean; text: string };

describe("a third adapter, through the same registry and no change to src/", () => {
  it("is configured from its own variable and started like Slack and Discord", () => {
    expect(readSettings({}, [toyAdapter]).wanted).toEqual([]);
    expect([...started.running.keys()]).toEqual(["toy"]);
    expect(started.running.get("toy")!.ready()).toBe(true);
  });

  it("answers the shared grammar", async () => {
    const answer = await say("search ebpf");
    expect(answer.public).toBe(false);
    expect(answer.text).toMatch(/^KubeCon talks on “ebpf”/);
  });

  it("gets daily takeaways through its poster", async () => {
    expect((await say("daily on 09:00 UTC")).public).toBe(true);
    const scheduler = world.scheduler(started.posters, createLogger("silent"));
    world.clock.set("2025-06-10T09:00:00Z");
    expect(await scheduler.tick()).toMatchObject({ due: 1, posted: 1 });
    expect(posted).toEqual([{ channelId: "c1", card: expect.objectContaining({ title: "KubeCon takeaway of the day" }) }]);
  });
});
