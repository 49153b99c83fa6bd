import { afterAll, beforeAll, expect } from "vitest";
import { startDiscord, type DiscordAdapter } from "../../adapters/discord/start.js";
import { HttpHost } from "../../src/http/server.js";
import { corpusBot, type CorpusBot } from "./fixture.js";
import { DiscordStandIn } from "./stand-in.js";

export const TOKEN = "stand-in-bot-token-".padEnd(60, "x");

/** The Discord adapter in gateway mode, the real discord.js client, against the stand-in. */
export interface GatewayWorld {
  standIn: DiscordStandIn;
  corpus: CorpusBot;
  adapter: DiscordAdapter;
  /** Dispatches an interaction over the gateway and returns what the bot posted to its callback. */
  dispatch(interaction: { id: string; token: string }): Promise<{ type: number; data?: any }>;
  close(): Promise<void>;
}

export async function startGatewayWorld(): Promise<GatewayWorld> {
  const standIn = await new DiscordStandIn().start();
  const corpus = await corpusBot();
  // No test waits on the clock: answers come long before a minute.
  const adapter = await startDiscord({
    config: { token: TOKEN, apiUrl: standIn.apiUrl },
    bot: corpus.bot,
    logger: corpus.logger,
    host: new HttpHost(corpus.logger),
    deferAfterMs: 60_000,
  });
  return {
    standIn,
    corpus,
    adapter,
    async dispatch(interaction) {
      const callback = standIn.nextRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      standIn.dispatch("INTERACTION_CREATE", interaction);
      const request = await callback;
      expect(request.method).toBe("POST");
      // Interaction callbacks are authorised by the interaction token, never the bot token.
      expect(request.authorization).toBeUndefined();
      return request.body as { type: number; data?: any };
    },
    async close() {
      await adapter.stop();
      await standIn.stop();
      await corpus.close();
    },
  };
}

/** A world for the whole test file: started before its tests, closed after them. */
export function gatewayWorldForFile(): { world(): GatewayWorld; dispatch: GatewayWorld["dispatch"] } {
  let world: GatewayWorld | undefined;
  beforeAll(async () => {
    world = await startGatewayWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  return { world: () => world!, dispatch: (interaction) => world!.dispatch(interaction) };
}
