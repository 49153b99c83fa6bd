import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the site serves at a path. */
export interface Page {
  body?: string | Buffer;
  type?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** Where a redirect points (status 301 unless given). */
  location?: string;
  /** Writes the answer itself (an endless body). */
  stream?: (response: ServerResponse) => void;
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface SiteOptions {
  /** The loopback address to listen on (127.0.0.1 unless said). */
  host?: string;
  port?: number;
  /** Close each connection after its answer, so that every request makes a new one. */
  closeConnections?: boolean;
}

/**
 * A web site on loopback for the tests: pages set by path (changed at will between refreshes),
 * conditional requests answered 304 as a real server does, and every request and connection kept for the test to read.
 */
export async function startSite(options: SiteOptions = {}): Promise<{ base: string; pages: Map<string, Page>; requests: SeenRequest[]; connections: () => number; close: () => Promise<void> }> {
  const pages = new Map<string, Page>();
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers });
    if (options.closeConnections) response.setHeader("connection", "close");
    const page = pages.get(path);
    if (!page) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (page.stream) return page.stream(response);
    if (page.location) {
      response.writeHead(page.status ?? 301, { location: page.location }).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": page.type ?? "text/html; charset=utf-8" };
    if (page.etag) headers.etag = page.etag;
    if (page.lastModified) headers["last-modified"] = page.lastModified;
    const fresh = (page.etag && request.headers["if-none-match"] === page.etag) || (!page.etag && page.lastModified && request.headers["if-modified-since"] === page.lastModified);
    if (fresh) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(page.status ?? 200, headers).end(page.body ?? "");
  });
  server.on("connection", () => connections++);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    base,
    pages,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
