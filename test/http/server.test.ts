import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Readiness, type ReadinessReport } from "../../src/health/readiness.js";
import { HttpHost, type HttpLimits } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";

const logger = createLogger("silent");
let host: HttpHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A host with an echo route on POST /echo (JSON only) and small limits. */
async function start(limits: Partial<HttpLimits> = {}, readiness = new Readiness()): Promise<{ url: string; port: number }> {
  host = new HttpHost(logger, { readiness, limits: { maxBodyBytes: 1024, ...limits } });
  host.mount("/echo", (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(req.rawBody), {
    methods: ["POST"],
    contentTypes: ["application/json"],
  });
  const port = await host.listen(0, "127.0.0.1");
  return { url: `http://127.0.0.1:${port}`, port };
}

/** Writes raw bytes on a fresh connection; resolves with everything the server sent once it closed. */
function raw(port: number, write: (send: (bytes: string) => void) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
    socket.on("connect", () => write((bytes) => socket.write(bytes, "latin1")));
  });
}

describe("HttpHost: routing and refusals", () => {
  it("serves a route with the body it read", async () => {
    const { url } = await start();
    const answer = await fetch(`${url}/echo?x=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('{"a":1}');
  });

  it("answers 404 to an unknown path and 405 with Allow to another method", async () => {
    const { url } = await start();
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const wrong = await fetch(`${url}/echo`, { method: "PUT", body: "{}" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    const probe = await fetch(`${url}/healthz`, { method: "DELETE" });
    expect(probe.status).toBe(405);
    expect(probe.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers 415 to a body of another media type, and takes parameters and case in its stride", async () => {
    const { url } = await start();
    expect((await fetch(`${url}/echo`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })).status).toBe(415);
    const ok = await fetch(`${url}/echo`, { method: "POST", headers: { "content-type": "Application/JSON; charset=utf-8" }, body: "{}" });
    expect(ok.status).toBe(200);
  });

  it("answers 413 to a declared length over the limit without reading the body", async () => {
    const { port } = await start();
    const answer = await raw(port, (send) => send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("answers 413 to a chunked body that grows past the limit", async () => {
    const { port } = await start();
    const chunk = "x".repeat(600);
    const answer = await raw(port, (send) => {
      send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
      send(`${chunk.length.toString(16)}\r\n${chunk}\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("answers 400 and closes the connection on bytes that are not HTTP", async () => {
    const { port, url } = await start();
    const answer = await raw(port, (send) => send("\u0000\u00ff GARBAGE\r\n\r\n"));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe("HttpHost: slow clients", () => {
  it("cuts off a client that trickles its body past the request timeout (408, connection closed)", async () => {
    const { port, url } = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200, timeoutCheckIntervalMs: 20 });
    const answer = await raw(port, (send) => {
      send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{");
      // ...and never the other 99 bytes: only the server's timeout can end this.
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("cuts off a client that never finishes its headers", async () => {
    const { port } = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200, timeoutCheckIntervalMs: 20 });
    const answer = await raw(port, (send) => send("POST /echo HTTP/1.1\r\nhost: x\r\n"));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("HttpHost: probes", () => {
  it("answers /readyz 503 with the reason until every check is ready, then 200", async () => {
    const readiness = new Readiness();
    const corpus = readiness.gate("corpus", "indexing");
    readiness.register("store", () => undefined);
    const { url } = await start({}, readiness);
    const before = await fetch(`${url}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ready: false, checks: { corpus: "indexing", store: "ok" }, reason: "corpus: indexing" });
    corpus.open();
    const after = await fetch(`${url}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ready: true, checks: { corpus: "ok", store: "ok" } });
  });

  it("answers /readyz 503 for a check that throws or hangs, and while draining", async () => {
    const readiness = new Readiness(50);
    readiness.register("store", () => {
      throw new Error("database is locked");
    });
    readiness.register("slack", () => new Promise<undefined>(() => {}));
    const { url } = await start({}, readiness);
    const answer = await fetch(`${url}/readyz`);
    expect(answer.status).toBe(503);
    expect(((await answer.json()) as ReadinessReport).checks).toEqual({ store: "database is locked", slack: "no answer within 50 ms" });

    const calm = new Readiness();
    await host!.close();
    const { url: second } = await start({}, calm);
    expect((await fetch(`${second}/readyz`)).status).toBe(200);
    calm.drain();
    const draining = await fetch(`${second}/readyz`);
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as ReadinessReport).reason).toBe("shutdown: shutting down");
  });

  it("answers /healthz with the event loop's lag", async () => {
    const { url } = await start();
    const answer = await fetch(`${url}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, eventLoopLagMs: 0 });
  });
});

describe("HttpHost: close", () => {
  it("lets a request in flight finish before closing", async () => {
    const { port } = await start();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    host!.mount("/slow", (_req, res) => (arrived(), void gate.then(() => res.writeHead(200).end("done"))), { methods: ["GET"] });
    const answer = raw(port, (send) => send("GET /slow HTTP/1.1\r\nhost: x\r\n\r\n"));
    await inside;
    // The request is being handled: close the host while it is held, then let it go.
    const closing = host!.close(60_000);
    host = undefined;
    release();
    await closing;
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(await answer).toMatch(/\r\n\r\n(4\r\n)?done/);
  });
});
