import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { Faults, type Fault } from "../faults/faults.js";
import { Arrivals } from "../support/arrivals.js";

/** One REST request the stand-in received. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`. */
  path: string;
  body: unknown;
  authorization?: string;
}

/** One gateway frame the client sent. */
export interface GatewayFrame {
  op: number;
  d: unknown;
}

export const APPLICATION_ID = "100000000000000001";
export const BOT_USER_ID = "100000000000000002";

/**
 * A local stand-in for Discord: the REST routes a bot uses (gateway discovery, command
 * registration, interaction callbacks, webhook follow-ups and edits, channel messages) under
 * `/api/v10`, and a gateway WebSocket on the same port speaking Hello, Identify, Ready,
 * heartbeats and dispatches. The real discord.js client connects with `rest: { api: apiUrl }`.
 */
export class DiscordStandIn {
  private readonly arrivedRequests = new Arrivals<RecordedRequest>("Discord stand-in requests", (r) => `${r.method} ${r.path}`);
  private readonly arrivedFrames = new Arrivals<GatewayFrame>("Discord stand-in gateway frames", (f) => `op ${f.op}`);
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private socket?: WebSocket;
  private sequence = 0;
  private messageIds = 0;
  /** Messages created per channel and nonce: with enforce_nonce, a repeat returns the first one. */
  private readonly nonces = new Map<string, unknown>();
  /** Messages created per channel, oldest first. */
  private readonly created = new Map<string, Array<{ id: string }>>();
  /** Paths whose next request is carried out and then answered with a dropped connection. */
  private readonly dropAnswers = new Set<string>();
  /** Paths whose next request is carried out and then never answered (the caller is killed meanwhile). */
  private readonly heldAnswers = new Set<string>();
  private port = 0;
  /** Channels that answer a post with an error, as Discord does for a deleted channel or a missing permission. */
  readonly failingChannels = new Map<string, { status: number; code: number; message: string }>();
  /** Bot tokens answered 401, as Discord answers a reset or mistyped token. */
  readonly refusedTokens = new Set<string>();
  /** Faults by `METHOD /path` (path after `/api/v10`), e.g. `/^PATCH \/webhooks\//`. */
  readonly faults = new Faults();

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.gateway.on("connection", (socket) => this.onConnection(socket));
  }

  async start(): Promise<this> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What DISCORD_API_URL would be set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every REST request received, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.arrivedRequests.seen;
  }

  /** Every gateway frame the client sent, oldest first. */
  get frames(): readonly GatewayFrame[] {
    return this.arrivedFrames.seen;
  }

  /** Resolves with the first request (already received or coming) that matches; rejects, naming it, if none comes in time. */
  nextRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest> {
    return this.arrivedRequests.waitFor(match, timeoutMs);
  }

  nextFrame(match: (frame: GatewayFrame) => boolean, timeoutMs?: number): Promise<GatewayFrame> {
    return this.arrivedFrames.waitFor(match, timeoutMs);
  }

  /** The next request to `path` is carried out, but its answer is lost (the connection drops). */
  dropAnswer(path: string): void {
    this.dropAnswers.add(path);
  }

  /** The next request to `path` is carried out, but its answer never leaves (the connection stays open until stop). */
  holdAnswer(path: string): void {
    this.heldAnswers.add(path);
  }

  /** The messages created in a channel, as the channel shows them. */
  channelMessages(channelId: string): ReadonlyArray<{ id: string }> {
    return this.created.get(channelId) ?? [];
  }

  /** Sends a dispatch (op 0) to the connected client. */
  dispatch(type: string, data: unknown): void {
    this.send({ op: 0, t: type, s: ++this.sequence, d: data });
  }

  /** Asks the client for a heartbeat now (op 1 from the gateway), as Discord may. */
  requestHeartbeat(): void {
    this.send({ op: 1, d: this.sequence });
  }

  private send(payload: unknown): void {
    if (!this.socket) throw new Error("no gateway client connected");
    this.socket.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(raw.toString()) as GatewayFrame;
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.dispatch("READY", {
          v: 10,
          user: { id: BOT_USER_ID, username: "kubecon", discriminator: "0", global_name: null, avatar: null, bot: true },
          guilds: [],
          session_id: "stand-in-session",
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: APPLICATION_ID, flags: 0 },
        });
      }
      this.arrivedFrames.record(frame);
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = decodeURIComponent((req.url ?? "").replace(/^\/api\/v10/, "").split("?")[0]!);
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      authorization: req.headers.authorization,
    };
    const fault = this.faults.take(`${request.method} ${request.path}`);
    const refused = this.refusedTokens.has(request.authorization?.replace(/^Bot /, "") ?? "");
    const [status, body] = fault ? [0, undefined] : refused ? [401, { message: "401: Unauthorized", code: 0 }] : this.answer(request);
    // Record before answering so a test that awaits the client's call already sees it.
    this.arrivedRequests.record(request);
    if (this.heldAnswers.delete(path)) return;
    if (this.dropAnswers.delete(path)) return void req.socket.destroy();
    if (fault) answerFault(res, fault);
    else if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  private answer({ method, path, body }: RecordedRequest): [number, unknown] {
    const route = `${method} ${path}`;
    if (route === "GET /gateway/bot") {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (route === "GET /applications/@me") return [200, { id: APPLICATION_ID, name: "kubecon" }];
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (body as object[]).map((command, i) => ({ id: String(200000000000000000n + BigInt(i)), application_id: APPLICATION_ID, version: "1", ...command }));
      return [200, commands];
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(path) && (method === "POST" || method === "PATCH")) {
      return [200, this.message(body)];
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === "POST" && channel) {
      const failure = this.failingChannels.get(channel[1]!);
      if (failure) return [failure.status, { message: failure.message, code: failure.code }];
      const { nonce, enforce_nonce: enforce } = body as { nonce?: string; enforce_nonce?: boolean };
      const key = `${channel[1]}\u0000${nonce}`;
      if (nonce !== undefined && enforce && this.nonces.has(key)) return [200, this.nonces.get(key)];
      const created = this.message(body) as { id: string };
      if (nonce !== undefined) this.nonces.set(key, created);
      this.created.set(channel[1]!, [...this.channelMessages(channel[1]!), created]);
      return [200, created];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private message(body: unknown): unknown {
    return botMessage({ id: String(300000000000000000n + BigInt(++this.messageIds)), ...(body as object) });
  }
}

/** Discord's answer to a throttled or failing request; a hang never answers (the connection stays open until stop). */
function answerFault(res: ServerResponse, fault: Fault): void {
  if (fault === "hang") return;
  if (fault.status === 429) {
    const retryAfter = fault.retryAfterSec ?? 1;
    res
      .writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(retryAfter),
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": String(retryAfter),
        "x-ratelimit-bucket": "stand-in-bucket",
        "x-ratelimit-scope": "user",
      })
      .end(JSON.stringify({ message: "You are being rate limited.", retry_after: retryAfter, global: false }));
    return;
  }
  res.writeHead(fault.status, { "content-type": "application/json" }).end(JSON.stringify({ message: `${fault.status}: Server Error`, code: 0 }));
}

/** A message of our bot as Discord's API returns it, with `fields` set over the defaults. */
export function botMessage(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    channel_id: "400000000000000001",
    author: { id: BOT_USER_ID, username: "kubecon", discriminator: "0", global_name: null, avatar: null, bot: true },
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    flags: 0,
    type: 0,
    ...fields,
  };
}
