import type { Adapter } from "../src/adapter/adapter.js";
import { discordAdapter } from "./discord/start.js";
import { slackAdapter } from "./slack/start.js";

/** Every chat platform the bot can run on; `npm start` starts those whose variables are set. */
export const adapters: readonly Adapter[] = [slackAdapter, discordAdapter];
