import { z } from "zod";
import { readVariables, textOf, unset, type ConfigRead, type Env } from "../../src/config/env.js";

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

const variables = {
  SLACK_BOT_TOKEN: { schema: z.string().regex(/^xoxb-/), problem: "must start with xoxb- (the Bot User OAuth Token)" },
  SLACK_SIGNING_SECRET: { schema: z.string().regex(/^[0-9a-f]{32}$/i), problem: "must be the 32-character Signing Secret" },
  SLACK_APP_TOKEN: { schema: z.string().regex(/^xapp-/), problem: "must start with xapp- (an app-level token with connections:write)" },
  SLACK_API_URL: { schema: z.url(), problem: "must be a URL such as https://slack.com/api/" },
};

const HINTS = {
  SLACK_BOT_TOKEN: "set it to the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page",
  SLACK_SIGNING_SECRET: "set it to the Signing Secret from the Slack app's Basic Information page, or set SLACK_APP_TOKEN for Socket Mode",
};

/**
 * Slack is wanted as soon as one of its credentials is set. HTTP mode needs the bot token and the
 * signing secret; Socket Mode (an app token) needs no signing secret.
 */
export function slackConfig(env: Env): ConfigRead<SlackConfig | undefined> {
  const { values: e, problems } = readVariables(env, variables);
  const set = (name: keyof typeof variables) => textOf(env, name) !== undefined;
  if (!set("SLACK_BOT_TOKEN") && !set("SLACK_SIGNING_SECRET") && !set("SLACK_APP_TOKEN")) return { ok: true, value: undefined };
  if (!set("SLACK_BOT_TOKEN")) problems.push(unset("SLACK_BOT_TOKEN", HINTS.SLACK_BOT_TOKEN));
  if (!set("SLACK_APP_TOKEN") && !set("SLACK_SIGNING_SECRET")) problems.push(unset("SLACK_SIGNING_SECRET", HINTS.SLACK_SIGNING_SECRET));
  if (problems.length || !e.SLACK_BOT_TOKEN) return { ok: false, problems };
  return {
    ok: true,
    value: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL },
  };
}
