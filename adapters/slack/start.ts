import type { Adapter } from "../../src/adapter/adapter.js";
import { openInstallationStore } from "../../src/store/open-store.js";
import { createSlackAdapter } from "./app.js";
import { slackConfig, type SlackConfig } from "./config.js";

/**
 * Slack as an adapter module: HTTP mode on the shared server, or Socket Mode with an app token;
 * one workspace with a bot token, or installs in many through OAuth.
 */
export const slackAdapter: Adapter<SlackConfig> = {
  name: "slack",
  label: "Slack",
  fromEnv: slackConfig,
  startHints: {
    credentials: "SLACK_BOT_TOKEN (and SLACK_APP_TOKEN in Socket Mode), or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET",
    address: "the network, and SLACK_API_URL if set",
  },
  secrets: ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_INSTALLATION_KEY"],
  async start({ config, bot, logger, http, store }) {
    const installations = config.oauth && openInstallationStore({ databaseUrl: config.oauth.databaseUrl, dataDir: config.oauth.dataDir, logger });
    const slack = createSlackAdapter(bot, config, { logger, http, store, ...(installations && { installations }) });
    await slack.start();
    let running = true;
    return {
      mode: slack.mode,
      summary: slack.summary,
      poster: slack.poster,
      ready: () => running && slack.ready(),
      async stop() {
        running = false;
        await slack.stop();
        await installations?.close();
      },
    };
  },
};
