import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type BlockButtonAction,
  type RespondArguments,
} from "@slack/bolt";
import type { Reply } from "../../src/cards/card.js";
import type { Bot } from "../../src/commands/bot.js";
import type { Capabilities, CommandContext, RunOptions } from "../../src/commands/context.js";
import { answerInTime } from "../../src/adapter/in-time.js";
import type { HttpHost, RouteOptions } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import { systemClock, type Clock } from "../../src/daily/clock.js";
import { PostError, type PostTarget, type Poster } from "../../src/daily/poster.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import type { InstallationStore } from "../../src/store/installation-store.js";
import { createSealer } from "../../src/store/seal.js";
import { boltLogger } from "./bolt-logger.js";
import { eventsEndpoint, receiverRoute } from "./receiver-routes.js";
import type { SlackConfig } from "./config.js";
import { FIND_TALKS_CALLBACK, registerConversations } from "./conversations.js";
import { installFailurePage } from "./install-failure.js";
import { boltInstallationStore } from "./installations.js";
import { signedStateStore } from "./oauth-state.js";
import { postCard, postError, slackPoster } from "./poster.js";
import { isWorkspaceAdmin } from "./admins.js";
import { ACTION_ID, actionKind, LINK_ACTION_ID, renderCard, type SlackMessage } from "./render.js";
import { responder, type Responder } from "./respond.js";
import { ignoreReplays } from "./replays.js";
import { acknowledgeUnclaimed } from "./unclaimed.js";
import { rateLimitWait, responseUrlWait, retryWithin } from "./retry.js";
import { DEFAULT_SLACK_NETWORK, webClientOptions, type SlackNetworkOptions } from "./web-api-options.js";

export const SLASH_COMMAND = "/kubecon";
export const EVENTS_PATH = "/slack/events";
/** Bolt's installation pages, served when installs go through OAuth. */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";
/** The bot scopes an install asks for: exactly those of manifest.yml. */
export const BOT_SCOPES = ["commands", "chat:write", "chat:write.public", "app_mentions:read", "im:history", "channels:history", "groups:history", "users:read"] as const;
/** What the shared host lets through to Bolt (405 and 415 otherwise): slash commands and clicks come
 * form-encoded, Events API callbacks as JSON; the installation pages are plain GETs. */
const EVENTS_ROUTE: RouteOptions = { methods: ["POST"], contentTypes: ["application/x-www-form-urlencoded", "application/json"] };
const INSTALL_ROUTE: RouteOptions = { methods: ["GET"] };

/** Past this, the slash command is acknowledged empty and the answer follows through response_url. */
const DEFAULT_ACK_DEADLINE_MS = 2000;

export interface SlackAdapterOptions {
  logger: Logger;
  /** The shared HTTP server; required in HTTP mode, where Bolt gets no port of its own. */
  http?: HttpHost;
  /** How long a slash command waits for the core before acknowledging empty (default 2000 ms). */
  ackDeadlineMs?: number;
  /** The daily subscriptions: shown on the Home tab, turned off when a workspace uninstalls. */
  store: DailyStore;
  /** Where installs in many workspaces are kept; required with `config.oauth`. */
  installations?: InstallationStore;
  clock?: Clock;
  /** Timeouts and retries of calls to Slack (defaults in web-api-options.ts). */
  network?: Partial<SlackNetworkOptions>;
}

export interface SlackAdapter {
  readonly mode: "http" | "socket";
  /** How it runs, for the start line: "over HTTP, 1 workspace". */
  readonly summary: string;
  /** Delivers the daily takeaway posts to Slack channels. */
  readonly poster: Poster;
  /** Checks the bot token (`auth.test`), then mounts `/slack/events` or opens the socket. */
  start(): Promise<void>;
  /** Able to take requests now: the endpoint mounted, or the socket connected (false while Socket Mode reconnects). */
  ready(): boolean;
  stop(): Promise<void>;
}

type SlackResponse = SlackMessage & { response_type: "ephemeral" | "in_channel" };

/**
 * The Slack front end: `/kubecon <command>` and the card buttons, translated to `bot.run` and back
 * to Block Kit. Socket Mode when an app token is configured, HTTP mode on the shared host otherwise.
 */
export function createSlackAdapter(bot: Bot, config: SlackConfig, options: SlackAdapterOptions): SlackAdapter {
  const logger = options.logger.child({ component: "slack" });
  const ackDeadlineMs = options.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS;
  const network = { ...DEFAULT_SLACK_NETWORK, ...options.network };
  const socketMode = config.appToken !== undefined;
  const http = options.http;
  if (!socketMode && !http) throw new Error("the Slack adapter in HTTP mode needs the shared HttpHost");
  if (!socketMode && !config.signingSecret) throw new Error("the Slack adapter in HTTP mode needs SLACK_SIGNING_SECRET");
  const clock = options.clock ?? systemClock;
  const oauth = config.oauth;
  if (oauth && (socketMode || !options.installations)) throw new Error("installs in many workspaces need HTTP mode and an installation store");

  const boltLog = boltLogger(logger);
  const clientOptions = webClientOptions(config.apiUrl, network);
  // Each installation's bot token sealed at rest; every request is authorized with its own workspace's.
  const installationStore = oauth && boltInstallationStore(options.installations!, createSealer(oauth.installationKey), clock);
  // Signature verification stays on (HTTPReceiver's default); no option here turns it off.
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret!,
        endpoints: EVENTS_PATH,
        logger: boltLog,
        ...(oauth && {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore,
          installerOptions: {
            installPath: INSTALL_PATH,
            redirectUriPath: REDIRECT_PATH,
            // State signed with SLACK_STATE_SECRET and tied to the browser by Bolt's cookie; checked on the way back.
            stateStore: signedStateStore(oauth.stateSecret, clock),
            // The token exchange (oauth.v2.access) goes to SLACK_API_URL too.
            clientOptions,
            // A cancel or a stale link is answered with a page saying so, not Bolt's 500 page.
            callbackOptions: { failure: installFailurePage(INSTALL_PATH) },
          },
        }),
      });
  // Socket Mode's receiver made here rather than by Bolt, to follow its connection for readiness.
  const socketReceiver = socketMode
    ? new SocketModeReceiver({ appToken: config.appToken!, logger: boltLog, installerOptions: { clientOptions } })
    : undefined;
  let socketConnected = false;
  socketReceiver?.client.on("connected", () => (socketConnected = true));
  for (const state of ["disconnected", "reconnecting"]) socketReceiver?.client.on(state, () => (socketConnected = false));
  const app = new App({
    token: config.botToken,
    ...(socketMode ? { socketMode: true, receiver: socketReceiver } : { receiver }),
    logger: boltLog,
    deferInitialization: true,
    // Bolt's conversation store keeps state in process memory; nothing here needs it.
    convoStore: false,
    clientOptions,
  });

  /** The core's answer as a Slack message (`bot.run` never rejects). */
  async function answer(text: string, ctx: CommandContext, runOptions?: RunOptions): Promise<{ reply: Reply; message: SlackResponse }> {
    const reply = await bot.run(text, ctx, runOptions);
    return { reply, message: toSlack(reply) };
  }

  /**
   * What the asker may do: change channel settings when listed in SLACK_CHANNEL_MANAGERS, or anyone
   * when it is unset; change the bot's sources when listed there or a workspace admin or owner
   * (asked of Slack only when a command needs it).
   */
  const can = (userId: string, client: App["client"], teamId?: string): Capabilities => ({
    manageChannel: !config.managers || config.managers.has(userId),
    channelPosts: true,
    manageSources: config.managers?.has(userId) || (() => isWorkspaceAdmin(client, userId, logger, teamId)),
  });

  /** Posts to a response_url, retried within the deadline; an expired URL or a Slack failure is logged, never thrown. */
  async function respondSafely(respond: Responder, message: RespondArguments, context: Record<string, unknown>): Promise<void> {
    try {
      await retryWithin(() => respond(message), responseUrlWait(network), network);
    } catch (error) {
      logger.warn({ err: error, ...context }, "slack response_url post failed");
    }
  }

  // Registered first: a copy of a request seen already goes no further.
  const keepAnswer = ignoreReplays(app, options.store, clock, logger);

  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const respond = responder(clientOptions.fetch, command.response_url);
    const ctx: CommandContext = { platform: "slack", userId: command.user_id, channelId: command.channel_id, spaceId: command.team_id, can: can(command.user_id, client, command.team_id) };
    const work = answer(command.text, ctx);
    void work.then(({ message }) => keepAnswer(command.trigger_id, message));
    // A slow core is acknowledged within Slack's 3 seconds and answered through response_url.
    await answerInTime(work, ackDeadlineMs, {
      now: ({ message }) => ack(message),
      acknowledge: () => ack(),
      later: ({ message }) => respondSafely(respond, message, { command: command.text.slice(0, 200), user: ctx.userId, channel: ctx.channelId }),
    });
  });

  app.action<BlockButtonAction>(ACTION_ID, async ({ action, body, ack, client }) => {
    await ack();
    const respond = responder(clientOptions.fetch, body.response_url);
    const ctx: CommandContext = {
      platform: "slack",
      userId: body.user.id,
      channelId: body.channel?.id ?? body.container.channel_id ?? "",
      spaceId: body.team?.id,
      can: can(body.user.id, client, body.team?.id),
    };
    const command = action.value ?? "";
    const logContext = { action: action.action_id, command: command.slice(0, 200), user: ctx.userId, channel: ctx.channelId };
    if (body.container.type === "view") {
      // A button of the Home tab: no channel and no response_url; the answer goes to the user's messages with the app.
      const { message } = await answer(command, { ...ctx, channelId: body.user.id });
      try {
        await client.chat.postMessage({ channel: body.user.id, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        logger.warn({ err: error, ...logContext }, "slack home answer post failed");
      }
      return;
    }
    // An ephemeral card is replaced in place; a click on a public card answers the clicker alone.
    const ephemeral = body.container.is_ephemeral === true;

    if (actionKind(action.action_id) === "share") {
      const shared = await answer(command, ctx, { share: true });
      if (shared.reply.isError) {
        await respondSafely(respond, { ...shared.message, response_type: "ephemeral", replace_original: false }, logContext);
        return;
      }
      try {
        await retryWithin(() => postCard(client, ctx.channelId, shared.reply.card), rateLimitWait, network, 2);
      } catch (error) {
        logger.warn({ err: error, ...logContext }, "slack share post failed");
        await respondSafely(respond, { response_type: "ephemeral", replace_original: false, text: shareFailure(error) }, logContext);
        return;
      }
      // `delete_original` must travel alone.
      if (ephemeral) await respondSafely(respond, { delete_original: true }, logContext);
      return;
    }

    const { message } = await answer(command, ctx);
    const { response_type: _visibility, ...content } = message;
    // Feedback (a vote's thanks) comes as a message of its own: the card stays as it is.
    const inPlace = ephemeral && actionKind(action.action_id) !== "feedback";
    await respondSafely(
      respond,
      inPlace ? { ...content, replace_original: true } : { ...content, response_type: "ephemeral", replace_original: false },
      logContext,
    );
  });

  // A talk's Watch / Slides / Talk page button opens its URL in the browser; Slack still sends the
  // click, which only wants its acknowledgement.
  app.action(LINK_ACTION_ID, async ({ ack }) => ack());

  registerConversations(app, {
    bot,
    can,
    answer,
    respond: (url, message, context) => respondSafely(responder(clientOptions.fetch, url), message, context),
    store: options.store,
    clock,
    logger,
    ...(installationStore && { forgetInstallation: (teamId: string) => installationStore.deleteInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) }),
  });
  acknowledgeUnclaimed(app, { actions: [ACTION_ID, LINK_ACTION_ID], messageShortcuts: [FIND_TALKS_CALLBACK], command: SLASH_COMMAND }, logger);

  /** Daily posts in a workspace that installed the app go out with that workspace's token. */
  const installedPoster: Poster = {
    async post(target, card, claimId) {
      return (await workspacePoster(target)).post(target, card, claimId);
    },
    async findPosted(target, claimId, since) {
      return (await workspacePoster(target)).findPosted!(target, claimId, since);
    },
  };
  /** The daily poster of the workspace that installed the app, with its own token. */
  async function workspacePoster(target: PostTarget): Promise<Poster> {
    const installation = target.spaceId
      ? await installationStore!.fetchInstallation({ teamId: target.spaceId, enterpriseId: undefined, isEnterpriseInstall: false }).catch(() => undefined)
      : undefined;
    const token = installation?.bot?.token;
    if (!token) throw new PostError("the app is not installed in this workspace any more", "permanent", "not_installed");
    return slackPoster(token, clientOptions);
  }

  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, "slack listener failed");
  });

  let mounted = false;
  return {
    mode: socketMode ? "socket" : "http",
    summary: `over ${socketMode ? "Socket Mode" : "HTTP"}, ${oauth ? "installed in workspaces through OAuth" : "1 workspace"}`,
    ready: () => (socketMode ? socketConnected : mounted),
    poster: oauth ? installedPoster : slackPoster(config.botToken, clientOptions),
    async start() {
      // auth.test: a wrong bot token fails here, at start, rather than at the first command.
      await app.init();
      if (socketMode) {
        await app.start();
        logger.debug({ mode: "socket" }, "slack adapter connected");
        return;
      }
      const installPaths = oauth ? [INSTALL_PATH, REDIRECT_PATH] : [];
      if (!mounted) {
        const toBolt = receiverRoute(receiver!, boltLog);
        http!.mount(EVENTS_PATH, eventsEndpoint(toBolt, config.signingSecret!, EVENTS_PATH, logger), EVENTS_ROUTE);
        for (const path of installPaths) http!.mount(path, toBolt, INSTALL_ROUTE);
        mounted = true;
      }
      logger.debug({ mode: "http", paths: [EVENTS_PATH, ...installPaths], installs: oauth ? "oauth" : "single workspace" }, "slack adapter mounted");
    },
    async stop() {
      // In HTTP mode the shared host owns the server; only the socket is ours to close.
      if (socketMode) await app.stop();
    },
  };
}

function toSlack(reply: Reply): SlackResponse {
  return { response_type: reply.visibility === "public" ? "in_channel" : "ephemeral", ...renderCard(reply.card) };
}

/** What the sharer reads when Slack refused the public post. */
function shareFailure(error: unknown): string {
  if (postError(error).kind === "permanent") {
    return "I can't post in this conversation. Invite me with `/invite @kubecon-bot`, or share from a public channel.";
  }
  return "Slack did not accept the shared card; please try again in a moment.";
}
