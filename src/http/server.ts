import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Liveness } from "../health/liveness.js";
import { Readiness } from "../health/readiness.js";
import type { Logger } from "../log/logger.js";

/** A request whose body the host has already read (within the limit); Bolt reads `rawBody` too. */
export type BufferedRequest = IncomingMessage & { rawBody: Buffer };
export type Route = (req: BufferedRequest, res: ServerResponse) => void;

export interface RouteOptions {
  /** Methods the route answers (HEAD goes with GET); anything else gets 405. Default: any. */
  methods?: readonly string[];
  /** Media types a request body may have; any other gets 415. Default: any. */
  contentTypes?: readonly string[];
}

/** What a hostile or broken client may cost us. The defaults suit Slack's and Discord's requests. */
export interface HttpLimits {
  /** The largest request body on any route (413 past it). */
  maxBodyBytes: number;
  /** Time to receive the request headers, then the whole request (408 and the connection closed). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How often Node looks for requests past those timeouts. */
  timeoutCheckIntervalMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 1 << 20,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  timeoutCheckIntervalMs: 1_000,
  keepAliveTimeoutMs: 5_000,
};

export interface HttpHostOptions {
  liveness?: Liveness;
  readiness?: Readiness;
  limits?: Partial<HttpLimits>;
}

const PROBES: RouteOptions = { methods: ["GET"] };

/**
 * One HTTP server for the whole process: `GET /healthz` and `GET /readyz`, plus the paths adapters
 * mount (each under its own name), so every platform shares one `PORT`. It reads
 * every body itself, within a size limit and under header and request timeouts, and answers
 * 404/405/413/415 before a route sees the request.
 */
export class HttpHost {
  private readonly routes = new Map<string, { route: Route; options: RouteOptions }>();
  private readonly limits: HttpLimits;
  private server?: Server;
  private inFlight = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    options: HttpHostOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const liveness = options.liveness ?? new Liveness();
    const readiness = options.readiness ?? new Readiness();
    this.mount("/healthz", (_req, res) => {
      const report = liveness.report();
      json(res, report.ok ? 200 : 503, report);
    }, PROBES);
    this.mount("/readyz", (_req, res) => {
      void readiness.report().then((report) => json(res, report.ready ? 200 : 503, report));
    }, PROBES);
  }

  /** Sends every request whose path is `path` (query string aside) to `route`. */
  mount(path: string, route: Route, options: RouteOptions = {}): void {
    this.routes.set(path, { route, options });
  }

  async listen(port: number, host?: string): Promise<number> {
    const { headersTimeoutMs, requestTimeoutMs, timeoutCheckIntervalMs, keepAliveTimeoutMs } = this.limits;
    const server = createServer(
      { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: timeoutCheckIntervalMs, keepAliveTimeout: keepAliveTimeoutMs },
      (req, res) => this.dispatch(req, res),
    );
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const bound = (server.address() as AddressInfo).port;
    this.logger.info({ port: bound, paths: [...this.routes.keys()] }, `listening on :${bound}`);
    return bound;
  }

  /**
   * Stops accepting connections, lets the requests in flight finish (for `graceMs` at most), then
   * closes whatever is left.
   */
  async close(graceMs = 0): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (graceMs > 0 && this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    this.inFlight++;
    res.once("close", () => {
      if (--this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    // After close() began, tell keep-alive clients not to send more on this connection.
    if (!this.server) res.setHeader("connection", "close");

    const path = (req.url ?? "/").split("?")[0]!;
    const entry = this.routes.get(path);
    if (!entry) return void refuse(res, 404, "not found");
    const { route, options } = entry;
    const method = req.method ?? "";
    const methods = options.methods?.includes("GET") ? [...options.methods, "HEAD"] : options.methods;
    if (methods && !methods.includes(method)) {
      res.setHeader("allow", methods.join(", "));
      return void refuse(res, 405, "method not allowed");
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > this.limits.maxBodyBytes) return void refuse(res, 413, "request body too large", true);
    if (options.contentTypes && hasBody(req) && !options.contentTypes.includes(mediaType(req))) {
      return void refuse(res, 415, `content type must be ${options.contentTypes.join(" or ")}`);
    }

    readBody(req, this.limits.maxBodyBytes).then(
      (body) => {
        if (body === undefined) return void refuse(res, 413, "request body too large", true);
        const buffered = Object.assign(req, { rawBody: body });
        try {
          route(buffered, res);
        } catch (error) {
          this.logger.error({ err: error, path }, "http handler failed");
          if (!res.headersSent) res.writeHead(500).end();
        }
      },
      // The client went away or sent a malformed body: nobody is left to answer.
      () => void res.destroy(),
    );
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}

/** A short plain answer; `close` drops the connection so an unread body cannot follow. */
function refuse(res: ServerResponse, status: number, message: string, close = false): void {
  if (close) res.setHeader("connection", "close");
  res.writeHead(status, { "content-type": "text/plain" }).end(message);
  if (close) res.once("finish", () => res.req.socket.destroySoon());
}

const hasBody = (req: IncomingMessage): boolean =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;

const mediaType = (req: IncomingMessage): string => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

/** The whole body, or `undefined` once it passes `limit` (reading stops; the rest is never buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).pause();
      resolve(undefined);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("request closed before its end"));
    });
  });
}
