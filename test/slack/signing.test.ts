import { isValidSlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { slackSignature } from "./signing.js";

// Slack's published example (docs.slack.dev/authentication/verifying-requests-from-slack).
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = 1531420618;
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

const verify = (body: string, signature: string, nowSec: number) =>
  isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": TIMESTAMP },
    nowMilliseconds: nowSec * 1000,
  });

describe("Slack request signing", () => {
  it("reproduces Slack's published example signature", () => {
    expect(slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it("is what Bolt's verifier accepts, at the example's own time", () => {
    expect(verify(BODY, SIGNATURE, TIMESTAMP)).toBe(true);
  });

  it("fails for a body changed by one character", () => {
    expect(verify(BODY.replace("text=", "text=x"), SIGNATURE, TIMESTAMP)).toBe(false);
  });

  it("fails once the timestamp is more than five minutes old", () => {
    expect(verify(BODY, SIGNATURE, TIMESTAMP + 5 * 60)).toBe(true);
    expect(verify(BODY, SIGNATURE, TIMESTAMP + 5 * 60 + 1)).toBe(false);
  });
});
