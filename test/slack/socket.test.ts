import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/app.js";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { violations } from "./check.js";
import { tempDailyStore } from "./harness.js";
import { SlackStandIn } from "./standin.js";

type Json = Record<string, any>;

let standin: SlackStandIn;
let adapter: SlackAdapter;
let daily: ReturnType<typeof tempDailyStore>;

beforeAll(async () => {
  standin = new SlackStandIn();
  await standin.start();
  const logger = createLogger("silent");
  const bot = await loadBot({ corpusDir: "data/recaps", logger });
  daily = tempDailyStore();
  adapter = createSlackAdapter(bot, { botToken: "xoxb-test-token", appToken: "xapp-1-test", apiUrl: standin.apiUrl }, { logger, store: daily.store });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await standin.stop();
  await daily.close();
});

describe("Slack adapter in Socket Mode", () => {
  it("opens the connection with the app token and needs no HTTP endpoint", () => {
    expect(adapter.mode).toBe("socket");
    expect(standin.calls("apps.connections.open")).toHaveLength(1);
  });

  it("answers a slash command in the envelope acknowledgement", async () => {
    standin.sendEnvelope({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: "T0001",
        channel_id: "C0001",
        user_id: "U0001",
        command: "/kubecon",
        text: "ebpf",
        api_app_id: "A0001",
        response_url: standin.responseUrl("socket"),
        trigger_id: "1.2.3",
      },
    });
    const ack = await standin.waitFor((received) => received.kind === "socket" && received.body.envelope_id === "env-1");
    const message = ack.body.payload as Json;
    expect(message.response_type).toBe("ephemeral");
    expect(message.blocks[0].text.text).toBe("KubeCon talks on “ebpf”");
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });
});
