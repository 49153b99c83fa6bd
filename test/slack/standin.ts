import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { Faults, type Fault } from "../faults/faults.js";
import { Arrivals } from "../support/arrivals.js";

/** One request Slack would have received from us. */
export interface Received {
  /** `chat.postMessage` and friends for the Web API; `response_url` for a response URL post. */
  kind: string;
  /** For a response URL post, its id (the path segment after /response/). */
  id?: string;
  body: Record<string, unknown>;
  /** The token the call was made with (Authorization: Bearer, or a `token` field). */
  token?: string;
  /** When it arrived (`performance.now()`), to check how long the bot waited between attempts. */
  at: number;
}

/** A workspace the stand-in's OAuth exchange installs the app in. */
export interface StandInWorkspace {
  teamId: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export const DEFAULT_WORKSPACE: StandInWorkspace = { teamId: "T0001", botToken: "xoxb-test-token", botUserId: "UBOT", botId: "BBOT" };

/**
 * A stand-in for Slack on loopback: the Web API methods the adapter uses (`auth.test`,
 * `chat.postMessage`, `chat.postEphemeral`, `conversations.history`, `views.publish`, and the OAuth
 * exchange `oauth.v2.access`) under `/api/`, and response URLs under `/response/<id>`. It records
 * what it receives; tests wait for a record instead of sleeping.
 */
export class SlackStandIn {
  private readonly arrivals = new Arrivals<Received>("Slack stand-in", (r) => (r.id ? `${r.kind} ${r.id}` : r.kind));
  /** Platform errors to answer (`{ok:false,error}`) per Web API method, next call first. */
  private readonly apiErrors = new Map<string, string[]>();
  /** HTTP status to answer on a response URL, e.g. 404 for one that expired. */
  private readonly responseStatus = new Map<string, number>();
  /** Authorization codes the OAuth exchange accepts, and the workspace each installs. */
  readonly oauthCodes = new Map<string, StandInWorkspace>();
  private readonly workspaces = new Map<string, StandInWorkspace>([[DEFAULT_WORKSPACE.botToken, DEFAULT_WORKSPACE]]);
  /** Messages posted per channel, oldest first, as `conversations.history` reads them. */
  private readonly channels = new Map<string, Array<{ ts: string; text: unknown; metadata?: unknown }>>();
  /** Methods whose next call is carried out and then answered with a dropped connection. */
  private readonly dropAnswers = new Set<string>();
  /** Methods whose next call is carried out and then never answered (the caller is killed meanwhile). */
  private readonly heldAnswers = new Set<string>();
  /** Faults by Web API method, or `response_url` for every response URL. */
  readonly faults = new Faults();
  /** Users whom users.info calls workspace admins. */
  readonly admins = new Set<string>();
  /** The scopes a bot token was granted, where a test says (an install older than the app's scopes); every scope otherwise. */
  readonly grantedScopes = new Map<string, readonly string[]>();
  private server?: Server;
  private base = "";
  private sockets?: WebSocketServer;
  private socket?: WebSocket;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers, drop }) =>
          drop ? req.socket.destroy() : res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body)),
        () => res.writeHead(400).end(),
      );
    });
    this.server = server;
    // Socket Mode: apps.connections.open hands out this address; what the app sends back is recorded as `socket`.
    this.sockets = new WebSocketServer({ server, path: "/socket" });
    this.sockets.on("connection", (socket) => {
      this.socket = socket;
      this.record({ kind: "socket open", body: {} });
      socket.on("message", (data) => this.record({ kind: "socket", body: JSON.parse(String(data)) as Record<string, unknown> }));
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0001" }, debug_info: { host: "standin" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Web API base, as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  /** Sends a Socket Mode envelope to the connected app. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error("no Socket Mode connection");
    this.socket.send(JSON.stringify(envelope));
  }

  /** Cuts the Socket Mode connection, as a network failure or a Slack restart would. */
  dropSocket(): void {
    if (!this.socket) throw new Error("no Socket Mode connection");
    this.socket.terminate();
    this.socket = undefined;
  }

  failApi(method: string, error: string): void {
    this.apiErrors.set(method, [...(this.apiErrors.get(method) ?? []), error]);
  }

  /** The next call of `method` gets HTTP 429 with this Retry-After. */
  rateLimit(method: string, retryAfterSec: number): void {
    this.faults.add(method, { status: 429, retryAfterSec });
  }

  /** The next call of `method` is carried out, but its answer is lost (the connection drops). */
  dropAnswer(method: string): void {
    this.dropAnswers.add(method);
  }

  /** The next call of `method` is carried out, but its answer never leaves (the connection stays open until stop). */
  holdAnswer(method: string): void {
    this.heldAnswers.add(method);
  }

  failResponseUrl(id: string, status: number): void {
    this.responseStatus.set(id, status);
  }

  /** Everything received, oldest first. */
  get received(): readonly Received[] {
    return this.arrivals.seen;
  }

  /** Resolves with the first record, past or future, that matches; rejects, naming it, if none comes in time. */
  waitFor(match: (received: Received) => boolean, timeoutMs?: number): Promise<Received> {
    return this.arrivals.waitFor(match, timeoutMs);
  }

  calls(kind: string): Received[] {
    return this.received.filter((received) => received.kind === kind);
  }

  private record(fields: Omit<Received, "at">): void {
    this.arrivals.record({ ...fields, at: performance.now() });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string>; drop?: boolean }> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    const body = parseBody(raw, req.headers["content-type"] ?? "");
    if (path.startsWith("/response/")) {
      const id = path.slice("/response/".length);
      this.record({ kind: "response_url", id, body });
      const fault = this.faults.take("response_url");
      if (fault) return faultAnswer(fault);
      const status = this.responseStatus.get(id) ?? 200;
      return { status, body: status === 200 ? { ok: true } : { ok: false, error: "expired_url" } };
    }
    const method = path.replace(/^\/api\//, "");
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const token = bearer ?? (typeof body.token === "string" ? body.token : undefined);
    this.record({ kind: method, body, ...(token && { token }) });
    const workspace = token ? this.workspaces.get(token) : undefined;
    const fault = this.faults.take(method);
    if (fault) return faultAnswer(fault);
    const error = this.apiErrors.get(method)?.shift();
    if (error) return { status: 200, body: { ok: false, error } };
    const answer = this.answer(method, body, workspace, token);
    if (this.heldAnswers.delete(method)) return new Promise(() => {});
    return this.dropAnswers.delete(method) ? { ...answer, drop: true } : answer;
  }

  private answer(method: string, body: Record<string, unknown>, workspace: StandInWorkspace | undefined, token: string | undefined): { status: number; body: unknown } {
    switch (method) {
      case "auth.test":
        if (!workspace) return { status: 200, body: { ok: false, error: "invalid_auth" } };
        return { status: 200, body: { ok: true, url: "https://kubecon-test.invalid/", team: "Test", user: "kubecon-bot", team_id: workspace.teamId, user_id: workspace.botUserId, bot_id: workspace.botId } };
      case "oauth.v2.access": {
        const installed = this.oauthCodes.get(String(body.code));
        if (!installed) return { status: 200, body: { ok: false, error: "invalid_code" } };
        this.oauthCodes.delete(String(body.code));
        this.workspaces.set(installed.botToken, installed);
        return {
          status: 200,
          body: {
            ok: true,
            app_id: "A0001",
            authed_user: { id: "UINSTALLER" },
            scope: "commands,chat:write,chat:write.public,app_mentions:read,im:history,channels:history,groups:history,users:read",
            token_type: "bot",
            access_token: installed.botToken,
            bot_user_id: installed.botUserId,
            team: { id: installed.teamId, name: `Team ${installed.teamId}` },
            enterprise: null,
            is_enterprise_install: false,
          },
        };
      }
      case "views.publish":
        return { status: 200, body: { ok: true, view: { id: "V0001", ...(body.view as object) } } };
      case "chat.postMessage": {
        // Slack's own clock, like the real one: history is read from a time on.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(this.received.length).padStart(6, "0")}`;
        const posted = this.channels.get(String(body.channel)) ?? [];
        this.channels.set(String(body.channel), [...posted, { ts, text: body.text, ...(body.metadata !== undefined && { metadata: body.metadata }) }]);
        return { status: 200, body: { ok: true, channel: body.channel, ts, message: { text: body.text } } };
      }
      case "conversations.history": {
        // What the bot posted there, newest first, from `oldest` on; metadata only when asked for, as Slack does.
        const oldest = Number(body.oldest ?? 0);
        const messages = [...(this.channels.get(String(body.channel)) ?? [])]
          .filter((message) => Number(message.ts) > oldest)
          .reverse()
          .map(({ metadata, ...message }) => ({
            type: "message",
            bot_id: "BBOT",
            ...message,
            ...(body.include_all_metadata === "true" && metadata !== undefined && { metadata }),
          }));
        return { status: 200, body: { ok: true, messages, has_more: false } };
      }
      case "apps.connections.open":
        return { status: 200, body: { ok: true, url: `${this.base.replace(/^http/, "ws")}/socket` } };
      case "users.info": {
        // As Slack answers a method the install was not granted the scope of.
        const granted = token ? this.grantedScopes.get(token) : undefined;
        if (granted && !granted.includes("users:read")) return { status: 200, body: { ok: false, error: "missing_scope", needed: "users:read", provided: granted.join(",") } };
        return { status: 200, body: { ok: true, user: { id: body.user, is_admin: this.admins.has(String(body.user)), is_owner: false } } };
      }
      case "chat.postEphemeral":
        return { status: 200, body: { ok: true, message_ts: `${1700000000 + this.received.length}.000200` } };
      default:
        return { status: 200, body: { ok: false, error: "unknown_method" } };
    }
  }
}

/** Slack's answers to a throttled or failing request; a hang never answers (the connection stays open until stop). */
function faultAnswer(fault: Fault): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
  if (fault === "hang") return new Promise(() => {});
  if (fault.status === 429) {
    return Promise.resolve({ status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(fault.retryAfterSec ?? 1) } });
  }
  return Promise.resolve({ status: fault.status, body: { ok: false, error: "fatal_error" } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** JSON, or a form whose JSON-looking fields (the Web API client sends `blocks` that way) are decoded. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}
