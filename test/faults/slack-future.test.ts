import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { slashCommandBody } from "../slack/signing.js";

/**
 * A request signed with a timestamp ahead of our clock: Bolt refuses those more than five minutes
 * old, and so do we those more than five minutes ahead (a signature made for later is a replay waiting).
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") }));
});

afterAll(async () => {
  await harness.close();
});

const nowSec = () => Math.floor(Date.now() / 1000);
const slash = (timestampSec: number) => postSigned(harness.url, slashCommandBody({ text: "ebpf", responseUrl: harness.standin.responseUrl("slash") }), { timestampSec });

describe("Slack request timestamps", () => {
  it.each([
    ["an hour", 3600],
    ["a day", 86_400],
    ["a year", 365 * 86_400],
    ["six minutes", 360],
  ])("refuses a request signed %s ahead, with a log line", async (_, aheadSec) => {
    const seen = harness.logs.lines.length;
    const answer = await slash(nowSec() + aheadSec);
    expect(answer.status).toBe(401);
    expect(answer.text).not.toMatch(/ebpf/i);
    expect(harness.logs.lines.slice(seen).some((line) => line.msg === "slack request refused: signed in the future")).toBe(true);
  });

  it.each([
    ["now", 0],
    ["four minutes ahead (a clock a little fast)", 240],
    ["four minutes old", -240],
  ])("answers a request signed %s", async (_, aheadSec) => {
    const answer = await slash(nowSec() + aheadSec);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/ebpf/i);
  });

  it("still refuses an old one, as Bolt does", async () => {
    expect((await slash(nowSec() - 600)).status).toBe(401);
  });
});
