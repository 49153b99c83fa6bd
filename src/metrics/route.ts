import type { Logger } from "../log/logger.js";
import type { Route, RouteOptions } from "../http/server.js";
import type { Metrics } from "./metrics.js";

export const METRICS_PATH = "/metrics";
export const METRICS_ROUTE: RouteOptions = { methods: ["GET"] };

/** `GET /metrics`: the Prometheus text exposition of every metric. */
export function metricsRoute(metrics: Metrics, logger: Logger): Route {
  return (_req, res) => {
    metrics.expose().then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => {
        logger.error({ err: error, path: METRICS_PATH }, "metrics collection failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics collection failed");
      },
    );
  };
}
