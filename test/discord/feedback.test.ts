import { describe, expect, it } from "vitest";
import { gatewayWorldForFile } from "./gateway-world.js";
import { buttonInteraction, commandInteraction, from, stringOption } from "./payloads.js";

const { world, dispatch } = gatewayWorldForFile();

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

    const votes = (await world().corpus.feedback.votes()).filter((vote) => vote.command === "search observability");
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
