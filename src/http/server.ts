import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log/logger.js";

/**
 * One HTTP server for the whole process: `GET /healthz`, plus the paths adapters mount (each
 * under its own name), so every platform shares one `PORT`.
 */
export class HttpHost {
  private readonly routes = new Map<string, RequestListener>();
  private server?: Server;

  constructor(private readonly logger: Logger) {}

  /** Sends every request whose path is `path` (query string aside) to `listener`. */
  mount(path: string, listener: RequestListener): void {
    this.routes.set(path, listener);
  }

  async listen(port: number, host?: string): Promise<number> {
    const server = createServer((req, res) => this.dispatch(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const bound = (server.address() as AddressInfo).port;
    this.logger.info({ port: bound, paths: [...this.routes.keys()] }, "http server listening");
    return bound;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      return;
    }
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    try {
      route(req, res);
    } catch (error) {
      this.logger.error({ err: error, path }, "http handler failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
}
