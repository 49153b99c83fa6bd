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

/** `/kubecon <text>` as a Socket Mode envelope. */
function slashCommand(envelopeId: string, text: string): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: "slash_commands",
    accepts_response_payload: true,
    payload: {
      team_id: "T0001",
      channel_id: "C0001",
      user_id: "U0001",
      command: "/kubecon",
      text,
      api_app_id: "A0001",
      response_url: standin.responseUrl("socket"),
      trigger_id: `trigger-${envelopeId}`,
    },
  };
}

describe("Slack adapter in Socket Mode", () => {
  it("opens the connection with the app token and needs no HTTP endpoint", () => {
    expect(adapter.mode).toBe("socket");
    expect(standin.calls("apps.connections.open")).toHaveLength(1);
  });

  it("is ready while connected, not while it reconnects, and ready again once connected", async () => {
    expect(adapter.ready()).toBe(true);
    standin.dropSocket();
    // Its next apps.connections.open is the reconnection: the drop has been noticed by then.
    await standin.waitFor((received) => received.kind === "apps.connections.open" && standin.calls("apps.connections.open").length === 2);
    expect(adapter.ready()).toBe(false);
    await standin.waitFor((received) => received.kind === "socket open" && standin.calls("socket open").length === 2);
    // An envelope answered on the new socket comes after its hello, which is what made it connected.
    standin.sendEnvelope(slashCommand("env-0", "help"));
    await standin.waitFor((received) => received.kind === "socket" && received.body.envelope_id === "env-0");
    expect(adapter.ready()).toBe(true);
  });

  it("answers a slash command in the envelope acknowledgement", async () => {
    standin.sendEnvelope(slashCommand("env-1", "ebpf"));
    const ack = await standin.waitFor((received) => received.kind === "socket" && received.body.envelope_id === "env-1");
    const message = ack.body.payload as Json;
    expect(message.response_type).toBe("ephemeral");
    expect(message.blocks[0].text.text).toBe("KubeCon talks on “ebpf”");
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });
});
