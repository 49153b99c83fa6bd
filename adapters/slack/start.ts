import type { Adapter } from "../../src/adapter/adapter.js";
import { createSlackAdapter } from "./app.js";
import { slackConfig, type SlackConfig } from "./config.js";

/** Slack as an adapter module: HTTP mode on the shared server, or Socket Mode with an app token. */
export const slackAdapter: Adapter<SlackConfig> = {
  name: "slack",
  label: "Slack",
  fromEnv: slackConfig,
  startHints: {
    credentials: "SLACK_BOT_TOKEN (and SLACK_APP_TOKEN in Socket Mode)",
    address: "the network, and SLACK_API_URL if set",
  },
  async start({ config, bot, logger, http }) {
    const slack = createSlackAdapter(bot, config, { logger, http });
    await slack.start();
    let running = true;
    return {
      mode: slack.mode,
      poster: slack.poster,
      ready: () => running,
      async stop() {
        running = false;
        await slack.stop();
      },
    };
  },
};
