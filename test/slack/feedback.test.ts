import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusBot, type CorpusBot } from "../discord/fixture.js";
import { postSigned, startHarness, type Harness } from "./harness.js";
import { blockActionsBody, slashCommandBody } from "./signing.js";

type Json = Record<string, any>;

let corpus: CorpusBot;
let harness: Harness;

beforeAll(async () => {
  corpus = await corpusBot();
  harness = await startHarness(corpus.bot);
});

afterAll(async () => {
  await harness?.close();
  await corpus?.close();
});

const buttons = (blocks: Json[]): Json[] => blocks.flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);

async function click(button: Json, responseId: string, userId = "U0001") {
  const body = blockActionsBody({ actionId: button.action_id, value: button.value, responseUrl: harness.standin.responseUrl(responseId), ephemeral: true, userId });
  expect((await postSigned(harness.url, body)).status).toBe(200);
  return harness.standin.waitFor((received) => received.id === responseId);
}

describe("Slack: 👍/👎 on a search answer", () => {
  it("thanks the voter in a message of its own, leaving the card in place, and records one vote per person", async () => {
    const answer = (await postSigned(harness.url, slashCommandBody({ text: "gitops", responseUrl: harness.standin.responseUrl("slash") }))).json();
    const [up, down] = buttons(answer.blocks).filter((button) => /^kubecon\.feedback\./.test(button.action_id)) as [Json, Json];
    expect([up.text.text, down.text.text]).toEqual(["👍", "👎"]);

    const thanks = await click(up, "vote-1");
    expect(thanks.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(thanks.body.blocks)).toMatch(/Thanks, glad it helped/);

    const changed = await click(down, "vote-2");
    expect(changed.body.replace_original).toBe(false);
    expect(JSON.stringify(changed.body.blocks)).toMatch(/Vote changed/);
    await click(up, "vote-3", "U0002");

    const votes = (await corpus.feedback.votes()).filter((vote) => vote.command === "search gitops");
    expect(votes.map((vote) => [vote.platform, vote.vote])).toEqual([
      ["slack", "down"],
      ["slack", "up"],
    ]);
  });
});
