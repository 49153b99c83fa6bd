import { expect } from "vitest";
import { readSettings } from "../../src/app/settings.js";
import { startAdapters } from "../../src/app/start-adapters.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { toyPlatform, type ToyRequest } from "../architecture/toy-adapter.js";
import { LogCapture } from "../slack/harness.js";
import type { DailyArgs, Seen, StartDriver } from "./daily-driver.js";

const TOKEN = "s3cret";

/** Its buttons, as the text renderer shows them: `[Read the talk: talk <id>]`. */
const seen = (isPublic: boolean, text: string): Seen => ({ public: isPublic, text, readTalk: /\[Read the talk: (talk [^\]]+)\]/.exec(text)?.[1] });

const command = (args: DailyArgs) => (args.action === "on" ? `daily on ${args.time} ${args.zone}` : `daily ${args.action}`);

/** The toy third platform of test/architecture, started through the same registry as `npm start` would. */
export const startToyDriver: StartDriver = async (world) => {
  const toy = toyPlatform();
  const logs = new LogCapture();
  const logger = createLogger("info", logs.stream);
  const http = new HttpHost(logger);
  const started = await startAdapters(readSettings({ TOY_TOKEN: TOKEN }, [toy.adapter]).wanted, { bot: world.bot, logger, http, store: world.store });
  const url = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}/toy/commands`;
  const send = async (request: Omit<ToyRequest, "token" | "user" | "space">): Promise<Seen> => {
    const response = await fetch(url, { method: "POST", body: JSON.stringify({ token: TOKEN, user: "toy-user", space: "toy-space", ...request }) });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { public: boolean; text: string };
    return seen(answer.public, answer.text);
  };
  const posts = (channel: string) => toy.posted.get(channel) ?? [];
  return {
    platform: "toy",
    channels: { kept: "toy-kept", lost: "toy-lost" },
    spaceId: "toy-space",
    askerId: "toy-user",
    poster: started.posters.toy!,
    logger,
    logs,
    shown: (text) => text,
    daily: (channel, args, asker = "manager") => send({ channel, manager: asker === "manager", text: command(args) }),
    posts: (channel) => posts(channel).map((post) => seen(true, post.text)),
    checkDelivered: (channel, index, messageId) => expect(posts(channel)[index]!.messageId).toBe(messageId),
    // A press runs the button's command, as a platform without buttons of its own would.
    pressReadTalk: (channel, index) => send({ channel, text: seen(true, posts(channel)[index]!.text).readTalk! }),
    loseChannel(channel) {
      toy.lost.add(channel);
      return { reason: "no such channel", code: "no_such_channel" };
    },
    async close() {
      await started.stop();
      await http.close();
    },
  };
};
