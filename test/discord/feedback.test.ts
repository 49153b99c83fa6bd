import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord, type DiscordAdapter } from "../../adapters/discord/start.js";
import { HttpHost } from "../../src/http/server.js";
import { corpusBot, type CorpusBot } from "./fixture.js";
import { buttonInteraction, commandInteraction, from, stringOption } from "./payloads.js";
import { DiscordStandIn } from "./stand-in.js";

let standIn: DiscordStandIn;
let corpus: CorpusBot;
let adapter: DiscordAdapter;

beforeAll(async () => {
  standIn = await new DiscordStandIn().start();
  corpus = await corpusBot();
  adapter = await startDiscord({
    config: { token: "stand-in-bot-token-".padEnd(60, "x"), apiUrl: standIn.apiUrl },
    bot: corpus.bot,
    logger: corpus.logger,
    host: new HttpHost(corpus.logger),
    deferAfterMs: 60_000,
  });
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.stop();
  await corpus?.close();
});

async function dispatch(interaction: { id: string; token: string }): Promise<{ type: number; data?: any }> {
  const callback = standIn.nextRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  standIn.dispatch("INTERACTION_CREATE", interaction);
  return (await callback).body as { type: number; data?: any };
}

describe("Discord: 👍/👎 on a search answer", () => {
  it("thanks the voter in an ephemeral message of its own and records one vote per person, a second click changing it", async () => {
    const answer = await dispatch(commandInteraction("search", [stringOption("query", "observability")]));
    const buttons = answer.data.components.flatMap((row: any) => row.components);
    const up = buttons.find((b: any) => b.label === "👍");
    const down = buttons.find((b: any) => b.label === "👎");
    const message = { ...answer.data, flags: 64 };

    const thanks = await dispatch(buttonInteraction(up.custom_id, message));
    // A new message, not an update (7): the card stays as it is.
    expect(thanks.type).toBe(4);
    expect(thanks.data.flags).toBe(64);
    expect(thanks.data.embeds[0].title).toBe("Thanks, glad it helped 👍");
    expect((await dispatch(buttonInteraction(down.custom_id, message))).data.embeds[0].title).toMatch(/^Vote changed/);
    // The same answer voted from a DM by the same person is another place, so another answer.
    await dispatch(from("bot DM", buttonInteraction(up.custom_id, message)));

    const votes = (await corpus.feedback.votes()).filter((vote) => vote.command === "search observability");
    expect(votes.map((vote) => vote.vote)).toEqual(["down", "up"]);
    expect(votes[0]!.spaceHash).toMatch(/^[0-9a-f]{32}$/);
    expect(votes[1]!.spaceHash).toBe("");
  });

  it("says so when the answer cannot be rated any more", async () => {
    const body = await dispatch(buttonInteraction("d:vote up not-base64!", { components: [], flags: 64 }));
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].description).toMatch(/can no longer be rated/);
  });
});
