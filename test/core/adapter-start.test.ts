import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordAdapter } from "../../adapters/discord/start.js";
import { slackAdapter } from "../../adapters/slack/start.js";
import { loadBot } from "../../src/app/load-bot.js";
import { readSettings } from "../../src/app/settings.js";
import { startAdapters } from "../../src/app/start-adapters.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { SIGNING_SECRET, tempDailyStore } from "../slack/harness.js";
import { closedPort } from "../support/closed-port.js";
import { DEFAULT_WORKSPACE, SlackStandIn } from "../slack/standin.js";

/**
 * Starting the real adapters, as `npm start` does (variables read by their modules, started by
 * startAdapters): a platform that refuses the credentials and one that cannot be reached are told
 * apart, each in one line naming what to check; nothing is left mounted or connected.
 */
const DISCORD_TOKEN = "d".repeat(60);
const publicKeyHex = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
const logger = createLogger("silent");

/** An address where nothing listens. */
let nobody: string;
let bot: LoadedBot;
let slack: SlackStandIn;
let discord: DiscordStandIn;
const daily = tempDailyStore();

beforeAll(async () => {
  nobody = `http://127.0.0.1:${await closedPort()}`;
  bot = await loadBot({ logger });
  slack = new SlackStandIn();
  await slack.start();
  discord = await new DiscordStandIn().start();
  discord.refusedTokens.add(DISCORD_TOKEN);
});

afterAll(async () => {
  await slack.stop();
  await discord.stop();
  await daily.close();
});

/** Starts what these variables configure; resolves to the running adapters' names, or rejects with the start line. */
async function start(env: Record<string, string>): Promise<{ names: string[] }> {
  const http = new HttpHost(logger);
  try {
    const { wanted } = readSettings(env, [slackAdapter, discordAdapter]);
    const started = await startAdapters(wanted, { bot, logger, http, store: daily.store });
    const names = [...started.running.keys()];
    await started.stop();
    return { names };
  } finally {
    await http.close();
  }
}

/** Whether anything answers on the adapters' paths after a failed start. */
async function mountedAfterFailure(env: Record<string, string>): Promise<number[]> {
  const http = new HttpHost(logger);
  const { wanted } = readSettings(env, [slackAdapter, discordAdapter]);
  await expect(startAdapters(wanted, { bot, logger, http, store: daily.store })).rejects.toThrow();
  const port = await http.listen(0, "127.0.0.1");
  const statuses = await Promise.all(["/discord/interactions", "/slack/events"].map(async (path) => (await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST" })).status));
  await http.close();
  return statuses;
}

describe("starting the adapters", () => {
  it("Discord, HTTP interactions: checks the token at start and starts with a good one", async () => {
    await expect(start({ DISCORD_TOKEN: "g".repeat(60), DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: discord.apiUrl })).resolves.toMatchObject({ names: ["discord"] });
    expect(discord.requests.filter((r) => r.path === "/applications/@me").at(-1)).toMatchObject({ authorization: `Bot ${"g".repeat(60)}` });
  });

  it("Discord, HTTP interactions: a refused token, in one line, and the endpoint not mounted", async () => {
    const env = { DISCORD_TOKEN, DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: discord.apiUrl };
    await expect(start(env)).rejects.toThrow(/^Discord refused to start \(401: Unauthorized\): check DISCORD_TOKEN\.$/);
    expect(await mountedAfterFailure(env)).toEqual([404, 404]);
  });

  it("Discord, gateway: a refused token, in one line", async () => {
    await expect(start({ DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl })).rejects.toThrow(/^Discord refused to start \(An invalid token was provided\.\): check DISCORD_TOKEN\.$/);
  });

  it("Discord, either mode: cannot be reached, told apart from a refusal", async () => {
    const modes: Record<string, string>[] = [{ DISCORD_PUBLIC_KEY: publicKeyHex }, {}];
    for (const mode of modes) {
      await expect(start({ DISCORD_TOKEN, DISCORD_API_URL: nobody, ...mode })).rejects.toThrow(
        /^cannot reach Discord \(ECONNREFUSED\): check the network, and DISCORD_API_URL if set\.$/,
      );
    }
  });

  it("Slack: a refused bot token, and a Slack that cannot be reached, each in one line", async () => {
    const http = { SLACK_SIGNING_SECRET: SIGNING_SECRET };
    await expect(start({ ...http, SLACK_BOT_TOKEN: DEFAULT_WORKSPACE.botToken, SLACK_API_URL: slack.apiUrl })).resolves.toMatchObject({ names: ["slack"] });
    await expect(start({ ...http, SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_API_URL: slack.apiUrl })).rejects.toThrow(
      /^Slack refused to start \(An API error occurred: invalid_auth\): check SLACK_BOT_TOKEN/,
    );
    await expect(start({ ...http, SLACK_BOT_TOKEN: DEFAULT_WORKSPACE.botToken, SLACK_API_URL: `${nobody}/api/` })).rejects.toThrow(
      /^cannot reach Slack \(ECONNREFUSED\): check the network, and SLACK_API_URL if set\.$/,
    );
  });
});
