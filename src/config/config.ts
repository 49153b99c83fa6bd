import { z } from "zod";

/** Raised when configuration is missing or wrong; its message is the one line printed at start. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

// An empty variable counts as unset.
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const url = z.string().url();

const schema = z.object({
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  CORPUS_DIR: optional(z.string()),
  DATA_DIR: optional(z.string()),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, "must start with xoxb- (the Bot User OAuth Token)")),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[0-9a-f]{32}$/i, "must be the 32-character Signing Secret")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, "must start with xapp- (an app-level token with connections:write)")),
  SLACK_API_URL: optional(url),
  DISCORD_TOKEN: optional(z.string().min(50, "must be the bot token from the Developer Portal's Bot page")),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{17,20}$/, "must be the numeric Application ID")),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-f]{64}$/i, "must be the 64-character hex Public Key")),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, "must be a numeric server (guild) id")),
  DISCORD_API_URL: optional(url),
});

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId?: string;
  publicKey?: string;
  guildId?: string;
  apiUrl?: string;
}

export interface Config {
  logLevel: string;
  corpusDir: string;
  dataDir: string;
  port: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

const hints: Record<string, string> = {
  SLACK_BOT_TOKEN: "set it to the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page",
  SLACK_SIGNING_SECRET:
    "set it to the Signing Secret from the Slack app's Basic Information page, or set SLACK_APP_TOKEN for Socket Mode",
  DISCORD_TOKEN: "set it to the bot token from the Discord application's Bot page",
};

function missing(name: string, why: string): ConfigError {
  return new ConfigError(`${name} ${why}: ${hints[name] ?? "see .env.example"}`);
}

/** Reads and checks the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} ${issue.message}: fix it in .env (see .env.example)`);
  }
  const e = parsed.data;
  const config: Config = {
    logLevel: e.LOG_LEVEL ?? "info",
    corpusDir: e.CORPUS_DIR ?? "data/recaps",
    dataDir: e.DATA_DIR ?? "var",
    port: e.PORT ?? 3000,
  };

  const slackWanted = e.SLACK_BOT_TOKEN ?? e.SLACK_SIGNING_SECRET ?? e.SLACK_APP_TOKEN;
  if (slackWanted) {
    if (!e.SLACK_BOT_TOKEN) throw missing("SLACK_BOT_TOKEN", "is not set");
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) throw missing("SLACK_SIGNING_SECRET", "is not set");
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    };
  }

  const discordWanted = e.DISCORD_TOKEN ?? e.DISCORD_PUBLIC_KEY;
  if (discordWanted) {
    if (!e.DISCORD_TOKEN) throw missing("DISCORD_TOKEN", "is not set");
    config.discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
    };
  }
  return config;
}
