import type { IncomingMessage, ServerResponse } from "node:http";
import type { APIInteraction, APIInteractionResponse, REST } from "discord.js";
import type { Route, RouteOptions } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import { readInteraction } from "./interaction-shape.js";
import type { InteractionHandler, InteractionTransport } from "./interactions.js";
import { restTransport } from "./rest.js";
import type { SignatureCheck } from "./signature.js";

export const INTERACTIONS_PATH = "/discord/interactions";
/** What the shared host lets through to the endpoint (405 and 415 otherwise). */
export const INTERACTIONS_ROUTE: RouteOptions = { methods: ["POST"], contentTypes: ["application/json"] };

export interface InteractionsEndpointOptions {
  checkSignature: SignatureCheck;
  handle: InteractionHandler;
  /** Edits after a deferred answer go through REST. */
  rest: REST;
  logger: Logger;
}

/**
 * HTTP interactions mode: the listener for `POST /discord/interactions`. Every request must carry a
 * valid Ed25519 signature over timestamp + raw body (401 otherwise, which Discord itself probes);
 * the initial response is the HTTP answer, and anything later goes through REST. Nothing is kept
 * between requests, so replicas can share a load balancer.
 */
export function interactionsEndpoint({ checkSignature, handle, rest, logger }: InteractionsEndpointOptions): Route {
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
        await handle(read.interaction, httpTransport(res, rest, read.interaction));
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

function httpTransport(res: ServerResponse, rest: REST, interaction: APIInteraction): InteractionTransport {
  return {
    respond: async (response: APIInteractionResponse) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(response));
    },
    editOriginal: restTransport(rest, interaction).editOriginal,
  };
}
