import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../src/app/settings.js";
import { startAdapters, type StartedAdapters } from "../../src/app/start-adapters.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { dailyWorld, type DailyWorld } from "../e2e/world.js";
import { toyPlatform } from "./toy-adapter.js";

const toy = toyPlatform();
let world: DailyWorld;
let started: StartedAdapters;
let http: HttpHost;
let url: string;

beforeAll(async () => {
  world = await dailyWorld("2025-06-10T05:00:00Z");
  const logger = createLogger("silent");
  const { wanted } = readSettings({ TOY_TOKEN: "s3cret" }, [toy.adapter]);
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
    expect(readSettings({}, [toy.adapter]).wanted).toEqual([]);
    expect([...started.running.keys()]).toEqual(["toy"]);
    expect(started.running.get("toy")!.ready()).toBe(true);
  });

  it("answers the shared grammar", async () => {
    const answer = await say("search ebpf");
    expect(answer.public).toBe(false);
    expect(answer.text).toMatch(/^KubeCon talks on “ebpf”/);
  });

  it("gets daily takeaways through its poster (the whole daily suite runs on it too: test/e2e/daily.test.ts)", async () => {
    expect((await say("daily on 09:00 UTC")).public).toBe(true);
    const scheduler = world.scheduler(started.posters, createLogger("silent"));
    world.clock.set("2025-06-10T09:00:00Z");
    expect(await scheduler.tick()).toMatchObject({ due: 1, posted: 1 });
    expect(toy.posted.get("c1")).toEqual([{ messageId: "1", text: expect.stringMatching(/^KubeCon takeaway of the day\n/) }]);
  });
});
