import type { IncomingMessage, ServerResponse } from "node:http";
import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction, type APIInteractionResponse, type REST } from "discord.js";
import type { Route, RouteOptions } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import type { RequestLog } from "../../src/store/daily-store.js";
import { readInteraction } from "./interaction-shape.js";
import type { InteractionHandler, InteractionTransport } from "./interactions.js";
import { restTransport } from "./rest.js";
import { MAX_TIMESTAMP_SKEW_SECONDS, type SignatureCheck } from "./signature.js";

export const INTERACTIONS_PATH = "/discord/interactions";
/** What the shared host lets through to the endpoint (405 and 415 otherwise). */
export const INTERACTIONS_ROUTE: RouteOptions = { methods: ["POST"], contentTypes: ["application/json"] };

export interface InteractionsEndpointOptions {
  checkSignature: SignatureCheck;
  handle: InteractionHandler;
  /** Edits after a deferred answer go through REST. */
  rest: REST;
  logger: Logger;
  /** Where interaction ids are kept for the signature window, shared by replicas: a replay acts once. */
  requests?: RequestLog;
}

/** A signature is good five minutes either side of its timestamp: a copy of it can come for ten. */
const REPLAY_WINDOW_MS = 2 * MAX_TIMESTAMP_SKEW_SECONDS * 1000;

/**
 * HTTP interactions mode: the listener for `POST /discord/interactions`. Every request must carry a
 * valid Ed25519 signature over timestamp + raw body (401 otherwise, which Discord itself probes);
 * the initial response is the HTTP answer, and anything later goes through REST. Nothing is kept
 * between requests, so replicas can share a load balancer.
 */
export function interactionsEndpoint({ checkSignature, handle, rest, logger, requests }: InteractionsEndpointOptions): Route {
  /**
   * True for the first request carrying this interaction's id; a copy (the same signed bytes sent
   * again) is answered with the first one's response and not run: its side effects (a share, a
   * `daily on`, a vote) happen once. A store that cannot answer lets the request through.
   */
  async function first(interaction: APIInteraction, res: ServerResponse): Promise<boolean> {
    if (!requests) return true;
    const key = `discord:${interaction.id}`;
    const now = new Date();
    try {
      if (await requests.firstRequest(key, now, new Date(now.getTime() + REPLAY_WINDOW_MS))) return true;
    } catch (error) {
      logger.debug({ err: error, key }, "discord interaction id not checked: the store did not answer");
      return true;
    }
    const answer = await requests.answerOf(key).catch(() => undefined);
    logger.info({ key, platform: "discord" }, "discord interaction seen already (a replay): answered as the first, not run again");
    // Before the first has answered: acknowledged, with nothing shown.
    const deferral: APIInteractionResponse =
      interaction.type === InteractionType.MessageComponent
        ? { type: InteractionResponseType.DeferredMessageUpdate }
        : { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
    const response = answer ?? JSON.stringify(deferral);
    res.writeHead(200, { "content-type": "application/json" }).end(response);
    return false;
  }

  return (req, res) => {
    // The shared host has checked the method and content type and read the body, within its size limit.
    const body = req.rawBody;
    Promise.resolve()
      .then(async () => {
        const signature = header(req, "x-signature-ed25519");
        const timestamp = header(req, "x-signature-timestamp");
        if (!checkSignature(body, signature, timestamp)) {
          return void res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
        }
        let json: unknown;
        try {
          json = JSON.parse(body.toString("utf8"));
        } catch {
          return void res.writeHead(400, { "content-type": "text/plain" }).end("body is not JSON");
        }
        // Signed, so from whoever holds the key: not a user's mistake, not our failure either.
        const read = readInteraction(json);
        if ("problem" in read) {
          logger.warn({ path: INTERACTIONS_PATH, platform: "discord", problem: read.problem }, "discord interaction malformed");
          return void res.writeHead(400, { "content-type": "text/plain" }).end("not a Discord interaction");
        }
        if (!(await first(read.interaction, res))) return;
        await handle(read.interaction, httpTransport(res, rest, read.interaction, requests));
      })
      .catch((error: unknown) => {
        logger.error({ err: error, path: INTERACTIONS_PATH, platform: "discord" }, "discord interaction failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function httpTransport(res: ServerResponse, rest: REST, interaction: APIInteraction, requests?: RequestLog): InteractionTransport {
  return {
    respond: async (response: APIInteractionResponse) => {
      const json = JSON.stringify(response);
      // Kept for the copies of this request that may follow (see `first`).
      await requests?.saveAnswer(`discord:${interaction.id}`, json).catch(() => undefined);
      res.writeHead(200, { "content-type": "application/json" }).end(json);
    },
    editOriginal: restTransport(rest, interaction).editOriginal,
  };
}
