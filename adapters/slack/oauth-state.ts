import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { InstallURLOptions, StateStore } from "@slack/bolt";
import type { Clock } from "../../src/daily/clock.js";

/** How long an install link's state is good for, as Bolt's own state store (10 minutes). */
export const STATE_TTL_MS = 10 * 60 * 1000;

/** Bolt's code for a state it must refuse, which its callback answers with 400. */
const INVALID_STATE = "slack_oauth_invalid_state";

function refused(message: string): Error {
  return Object.assign(new Error(message), { code: INVALID_STATE });
}

/**
 * The OAuth `state`: the install options and when the link was made, signed with
 * SLACK_STATE_SECRET (HMAC-SHA256), so any replica can check it and nothing is kept. Bolt also ties
 * it to the browser with a cookie. Time comes from the injected clock, so expiry is testable.
 */
export function signedStateStore(secret: string, clock: Clock): StateStore {
  const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      const payload = Buffer.from(JSON.stringify({ installOptions, at: clock.now().getTime(), nonce: randomBytes(8).toString("hex") })).toString("base64url");
      return `${payload}.${sign(payload)}`;
    },
    async verifyStateParam(_now: Date, state: string) {
      const [payload = "", signature = ""] = state.split(".");
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused("the OAuth state was not signed by this app");
      const { installOptions, at } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { installOptions: InstallURLOptions; at: number };
      if (clock.now().getTime() - at > STATE_TTL_MS) throw refused("the OAuth state has expired");
      return installOptions;
    },
  };
}
