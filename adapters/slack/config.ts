import { z } from "zod";
import { loadConfig } from "../../src/config/config.js";
import { readVariables, textOf, unset, type ConfigRead, type Env } from "../../src/config/env.js";
import { parseSealKey } from "../../src/store/seal.js";

/** Installs in many workspaces through Slack's OAuth flow (Bolt's installation support). */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key the installations' bot tokens are sealed with at rest. */
  installationKey: Buffer;
  /** Where the installations are kept: the DATABASE_URL database, or the process's DATA_DIR. */
  dataDir: string;
  databaseUrl?: string;
}

export interface SlackConfig {
  /** One workspace: its bot token. Absent when installs go through OAuth. */
  botToken?: string;
  oauth?: SlackOAuthConfig;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  /** Who may change a channel's daily posts (SLACK_CHANNEL_MANAGERS); anyone in the channel when unset. */
  managers?: ReadonlySet<string>;
}

const variables = {
  SLACK_BOT_TOKEN: { schema: z.string().regex(/^xoxb-/), problem: "must start with xoxb- (the Bot User OAuth Token)" },
  SLACK_SIGNING_SECRET: { schema: z.string().regex(/^[0-9a-f]{32}$/i), problem: "must be the 32-character Signing Secret" },
  SLACK_APP_TOKEN: { schema: z.string().regex(/^xapp-/), problem: "must start with xapp- (an app-level token with connections:write)" },
  SLACK_API_URL: { schema: z.url(), problem: "must be a URL such as https://slack.com/api/" },
  SLACK_CLIENT_ID: { schema: z.string().regex(/^\d+\.\d+$/), problem: "must be the Client ID from the Slack app's Basic Information page (digits.digits)" },
  SLACK_CLIENT_SECRET: { schema: z.string().regex(/^[0-9a-f]{32}$/i), problem: "must be the 32-character Client Secret from the Basic Information page" },
  SLACK_STATE_SECRET: { schema: z.string().min(16), problem: "must be a random secret of at least 16 characters (e.g. openssl rand -hex 32)" },
  SLACK_INSTALLATION_KEY: {
    schema: z.string().transform((text, context) => parseSealKey(text) ?? (context.addIssue({ code: "custom", message: "bad key" }), z.NEVER)),
    problem: "must be a 32-byte key in base64 or hex (e.g. openssl rand -base64 32)",
  },
  SLACK_CHANNEL_MANAGERS: {
    schema: z
      .string()
      .transform((text) => text.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/)).min(1)),
    problem: "must be Slack user ids (U…), separated by commas",
  },
};

const HINTS = {
  SLACK_BOT_TOKEN:
    "set it to the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces",
  SLACK_SIGNING_SECRET: "set it to the Signing Secret from the Slack app's Basic Information page, or set SLACK_APP_TOKEN for Socket Mode",
  SLACK_CLIENT_ID: "set it to the Client ID from the Slack app's Basic Information page",
  SLACK_CLIENT_SECRET: "set it to the Client Secret from the Slack app's Basic Information page",
  SLACK_STATE_SECRET: "set it to a random secret (openssl rand -hex 32): it signs the OAuth state",
  SLACK_INSTALLATION_KEY: "set it to a 32-byte key (openssl rand -base64 32): bot tokens are encrypted with it at rest",
};

const OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_INSTALLATION_KEY"] as const;

/**
 * Slack is wanted as soon as one of its variables is set. One workspace: the bot token, and the
 * signing secret (HTTP mode) or an app token (Socket Mode). Many workspaces: no bot token, the
 * client id and secret, the state secret and the installation key, in HTTP mode.
 */
export function slackConfig(env: Env): ConfigRead<SlackConfig | undefined> {
  const { values: e, problems } = readVariables(env, variables);
  const set = (name: keyof typeof variables) => textOf(env, name) !== undefined;
  if (!Object.keys(variables).some((name) => set(name as keyof typeof variables))) return { ok: true, value: undefined };
  const distributed = !set("SLACK_BOT_TOKEN") && OAUTH.some(set);
  if (set("SLACK_BOT_TOKEN") && set("SLACK_CLIENT_ID")) {
    problems.push("SLACK_CLIENT_ID is set together with SLACK_BOT_TOKEN: unset SLACK_BOT_TOKEN to install in many workspaces, or SLACK_CLIENT_ID for one");
  }
  if (distributed) {
    for (const name of OAUTH) if (!set(name)) problems.push(unset(name, HINTS[name]));
    if (set("SLACK_APP_TOKEN")) problems.push("SLACK_APP_TOKEN is set: installs in many workspaces work in HTTP mode only; unset it");
  } else if (!set("SLACK_BOT_TOKEN")) problems.push(unset("SLACK_BOT_TOKEN", HINTS.SLACK_BOT_TOKEN));
  if (!set("SLACK_APP_TOKEN") && !set("SLACK_SIGNING_SECRET")) problems.push(unset("SLACK_SIGNING_SECRET", HINTS.SLACK_SIGNING_SECRET));
  const core = loadConfig(env);
  if (problems.length || !core.ok) return { ok: false, problems };
  const common = {
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
    ...(e.SLACK_CHANNEL_MANAGERS && { managers: new Set(e.SLACK_CHANNEL_MANAGERS) }),
  };
  if (!distributed) return { ok: true, value: { botToken: e.SLACK_BOT_TOKEN, ...common } };
  return {
    ok: true,
    value: {
      ...common,
      oauth: {
        clientId: e.SLACK_CLIENT_ID!,
        clientSecret: e.SLACK_CLIENT_SECRET!,
        stateSecret: e.SLACK_STATE_SECRET!,
        installationKey: e.SLACK_INSTALLATION_KEY!,
        dataDir: core.value.dataDir,
        ...(core.value.databaseUrl && { databaseUrl: core.value.databaseUrl }),
      },
    },
  };
}
