import { HTTPModuleFunctions, type HTTPReceiver, type Logger as BoltLogger } from "@slack/bolt";
import type { BufferedRequest, Route } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import { readSlackRequest, type SlackRequest } from "./request-shape.js";

/**
 * Bolt's receiver as a route of the shared host. A request the receiver does not serve (a HEAD of
 * the install page) is thrown back to the caller to route elsewhere; it gets the answer Bolt's own
 * server gives it (404, an info line), not the host's 500.
 */
export function receiverRoute(receiver: HTTPReceiver, boltLogger: BoltLogger): Route {
  return (req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch (error) {
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger: boltLogger, request: req, response: res });
    }
  };
}

/**
 * How far ahead of our clock a request may be signed. Bolt refuses a request signed more than five
 * minutes ago but takes one signed any time later: a signature made for tomorrow is a replay waiting.
 */
const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

/** The request's signed timestamp when it is further ahead of `nowMs` than a fast clock explains. */
function signedInTheFuture(req: BufferedRequest, nowMs: number): number | undefined {
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  return Number.isFinite(timestamp) && timestamp - nowMs / 1000 > MAX_FUTURE_SKEW_SECONDS ? timestamp : undefined;
}

/**
 * `POST /slack/events`: Bolt's receiver, behind a check of the body's shape. The signature is checked
 * and the body parsed with Bolt's own functions; a request that fails either goes on to the receiver,
 * which answers it (401, 400) as it always has. A signed body Bolt would fail on is refused here, and
 * so is one signed in the future (401, as Bolt answers a stale one).
 */
export function eventsEndpoint(toBolt: Route, signingSecret: string, path: string, logger: Logger): Route {
  /** What a signed, parseable body is; nothing when it is not, for the receiver to refuse. */
  async function read(req: BufferedRequest): Promise<SlackRequest | undefined> {
    try {
      return readSlackRequest(HTTPModuleFunctions.parseHTTPRequestBody(await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret }, req)));
    } catch {
      return undefined;
    }
  }
  return (req, res) => {
    const future = signedInTheFuture(req, Date.now());
    if (future !== undefined) {
      logger.warn({ path, timestamp: future, aheadSec: Math.round(future - Date.now() / 1000) }, "slack request refused: signed in the future");
      return void res.writeHead(401, { "content-type": "text/plain" }).end("request timestamp is in the future");
    }
    read(req)
      .then((request) => {
        if (request === undefined || request.kind === "pass") return toBolt(req, res);
        if (request.kind === "rate-limited") {
          logger.warn({ path, minute: request.minute }, "slack paused event delivery: the app passed its events rate limit");
          return void res.writeHead(200).end();
        }
        // Signed, so from whoever holds the secret: not a user's mistake, not our failure either.
        logger.warn({ path, problem: request.problem }, "slack request malformed");
        res.writeHead(400, { "content-type": "text/plain" }).end("not a Slack request this app takes");
      })
      .catch((error: unknown) => {
        logger.error({ err: error, path }, "slack request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
}
