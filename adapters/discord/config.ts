import { z } from "zod";
import { readVariables, textOf, unset, type ConfigRead, type Env } from "../../src/config/env.js";

export interface DiscordConfig {
  token: string;
  applicationId?: string;
  publicKey?: string;
  guildId?: string;
  apiUrl?: string;
}

const snowflake = z.string().regex(/^\d{17,20}$/);

const variables = {
  DISCORD_TOKEN: { schema: z.string().min(50), problem: "must be the bot token from the Developer Portal's Bot page" },
  DISCORD_APPLICATION_ID: { schema: snowflake, problem: "must be the numeric Application ID" },
  DISCORD_PUBLIC_KEY: { schema: z.string().regex(/^[0-9a-f]{64}$/i), problem: "must be the 64-character hex Public Key" },
  DISCORD_GUILD_ID: { schema: snowflake, problem: "must be a numeric server (guild) id" },
  DISCORD_API_URL: { schema: z.url(), problem: "must be a URL such as https://discord.com/api" },
};

export const DISCORD_TOKEN_HINT = "set it to the bot token from the Discord application's Bot page";

/** Discord is wanted when its token or its public key is set; the token is needed either way. */
export function discordConfig(env: Env): ConfigRead<DiscordConfig | undefined> {
  const { values: e, problems } = readVariables(env, variables);
  const set = (name: keyof typeof variables) => textOf(env, name) !== undefined;
  if (!set("DISCORD_TOKEN") && !set("DISCORD_PUBLIC_KEY")) return { ok: true, value: undefined };
  if (!set("DISCORD_TOKEN")) problems.push(unset("DISCORD_TOKEN", DISCORD_TOKEN_HINT));
  if (problems.length || !e.DISCORD_TOKEN) return { ok: false, problems };
  return {
    ok: true,
    value: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
    },
  };
}
