import { isIP } from "node:net";
import robotsModule from "robots-parser";
import { Agent, fetch, type Response } from "undici";
import { FETCH_LIMITS, readBody, type FetchLimits } from "../corpus/fetch-source.js";
import { AddressRefused, guardedLookup, type AddressPolicy } from "./address-policy.js";
import { charsetOf, decodeText } from "../corpus/decode-text.js";
import { SourceError } from "./source-error.js";

/** What a conditional request knows of the copy it has. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { status: "unchanged" }
  | { status: "fetched"; url: string; text: string; contentType: string; validators: Validators };

/** Time as the fetcher sees it, injected so that a test sees the waits without waiting. */
export interface Pace {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_PACE: Pace = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export interface PoliteFetchOptions {
  userAgent: string;
  addresses: AddressPolicy;
  limits?: FetchLimits;
  /** The least time between two requests to one host (a second). */
  hostGapMs?: number;
  pace?: Pace;
}

export interface Request extends Validators {
  url: string;
  accept: string;
}

const MAX_REDIRECTS = 5;
const ROBOTS_KEPT_MS = 24 * 3_600_000;

// robots-parser is CommonJS (its export is the function) while its types declare an ES default export.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/**
 * Fetches the way a polite crawler does: a User-Agent naming the bot, robots.txt read once a host
 * and obeyed, a request a second at most to each host, conditional requests, redirects followed by
 * hand (a loop or more than five are refused), the ingest's time and size limits, and text decoded
 * in its declared charset or refused. Every connection goes through the address policy, asked
 * by the connection itself for the addresses it connects to.
 */
export class PoliteFetcher {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, { rules: Promise<(url: string) => boolean>; until: number }>();
  private readonly limits: FetchLimits;
  private readonly hostGapMs: number;
  private readonly pace: Pace;
  /** undici's connection pool, its sockets resolved by the address policy alone. */
  private readonly dispatcher: Agent;

  constructor(private readonly options: PoliteFetchOptions) {
    this.limits = options.limits ?? FETCH_LIMITS;
    this.hostGapMs = options.hostGapMs ?? 1000;
    this.pace = options.pace ?? REAL_PACE;
    this.dispatcher = new Agent({ connect: { lookup: guardedLookup(options.addresses) } });
  }

  /** Closes the connections kept open between requests. */
  close(): Promise<void> {
    return this.dispatcher.close();
  }

  async fetch(request: Request): Promise<Fetched> {
    const seen = new Set<string>();
    let url = parseUrl(request.url);
    for (;;) {
      if (seen.has(url.href)) throw new SourceError(`${request.url} redirects in a loop (back to ${url.href}): refused.`);
      if (seen.size > MAX_REDIRECTS) throw new SourceError(`${request.url} redirects more than ${MAX_REDIRECTS} times: refused.`);
      seen.add(url.href);
      const refused = (error: AddressRefused) => new SourceError(`${request.url} ${seen.size > 1 ? "redirects to" : "links to"} ${url.host}, a private or loopback address (${error.address}): refused (an operator allows a host on a private network with SOURCE_PRIVATE_HOSTS).`);
      if (!(await this.allowedByRobots(url, refused))) throw new SourceError(`${url.href} is disallowed by its site's robots.txt for ${this.options.userAgent.split(" ")[0]}.`);
      const { response, signal } = await this.send(url, request, seen.size === 1, refused);
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw new SourceError(`${url.href} answered ${response.status} without saying where to.`);
        url = parseUrl(new URL(location, url).href);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: "unchanged" };
      }
      return this.read(url, response, signal);
    }
  }

  private async read(url: URL, response: Response, signal: AbortSignal): Promise<Fetched> {
    if (!response.ok) {
      await response.body?.cancel();
      throw new SourceError(`${url.href} answered ${response.status} ${response.statusText}.`, "failed");
    }
    const contentType = response.headers.get("content-type") ?? "";
    const body = await readBody(response, url.href, this.limits, signal);
    const declared = charsetOf(contentType);
    const etag = response.headers.get("etag");
    const lastModified = response.headers.get("last-modified");
    return {
      status: "fetched",
      url: url.href,
      contentType,
      text: decodeText({ bytes: body, name: url.href, html: !/^text\/plain|json/i.test(contentType), strict: true, ...(declared && { declared }) }),
      validators: { ...(etag && { etag }), ...(lastModified && { lastModified }) },
    };
  }

  /**
   * One request, after this host's turn has come; the validators go with the first request only (not
   * after a redirect). An address the policy refuses is said with `refused`.
   */
  private async send(url: URL, request: Request, first: boolean, refused: Refusal): Promise<{ response: Response; signal: AbortSignal }> {
    await this.turn(url.host);
    const headers: Record<string, string> = { "user-agent": this.options.userAgent, accept: request.accept };
    if (first && request.etag) headers["if-none-match"] = request.etag;
    if (first && request.lastModified) headers["if-modified-since"] = request.lastModified;
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    try {
      // An IP address is connected to without a lookup: the policy is asked here for those.
      if (isIP(url.hostname.replace(/^\[|\]$/g, ""))) await this.options.addresses.addressesFor(url.hostname);
      return { response: await fetch(url, { headers, redirect: "manual", signal, dispatcher: this.dispatcher }), signal };
    } catch (error) {
      const refusal = causeOf(error, AddressRefused);
      if (refusal) throw refused(refusal);
      if (signal.aborted) throw new SourceError(`${url.href} did not answer within ${this.limits.timeoutMs / 1000} s.`, "failed");
      const cause = (error as Error).cause;
      throw new SourceError(`Could not fetch ${url.href} (${cause instanceof Error ? cause.message : (error as Error).message}).`, "failed");
    }
  }

  /** Waits until a request to this host keeps the gap after the one before. */
  private async turn(host: string): Promise<void> {
    const now = this.pace.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + this.hostGapMs);
    if (slot > now) await this.pace.sleep(slot - now);
  }

  /**
   * robots.txt of the URL's origin, fetched once a day at most (as RFC 9309 allows a crawler to keep
   * it): a missing one (4xx) allows everything, an unreachable one nothing (and is asked again next time).
   */
  private async allowedByRobots(url: URL, refused: Refusal): Promise<boolean> {
    let cached = this.robots.get(url.origin);
    if (!cached || cached.until <= this.pace.now()) {
      cached = { rules: this.robotsOf(url, refused), until: this.pace.now() + ROBOTS_KEPT_MS };
      this.robots.set(url.origin, cached);
      cached.rules.catch(() => this.robots.delete(url.origin));
    }
    return (await cached.rules)(url.href);
  }

  private async robotsOf(url: URL, refused: Refusal): Promise<(url: string) => boolean> {
    const address = new URL("/robots.txt", url).href;
    let fetched: Fetched;
    try {
      fetched = await this.fetchRobots(address, refused);
    } catch (error) {
      if (error instanceof RobotsMissing) return () => true;
      if (error instanceof SourceError && error.result === "refused") throw error;
      throw new SourceError(`${address} could not be read, so nothing is fetched from ${url.host} (${(error as Error).message}).`, "failed");
    }
    if (fetched.status !== "fetched") return () => true;
    const robots = robotsParser(address, fetched.text);
    const agent = this.options.userAgent.split("/")[0]!;
    return (target) => robots.isAllowed(target, agent) !== false;
  }

  /** robots.txt itself: followed through redirects, never checked against itself. */
  private async fetchRobots(address: string, refused: Refusal): Promise<Fetched> {
    let url = parseUrl(address);
    for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
      const { response, signal } = await this.send(url, { url: url.href, accept: "text/plain" }, true, refused);
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) break;
        url = parseUrl(new URL(location, url).href);
        continue;
      }
      if (response.status >= 400 && response.status < 500) {
        await response.body?.cancel();
        throw new RobotsMissing();
      }
      return this.read(url, response, signal);
    }
    throw new SourceError("it redirects too often");
  }
}

/** The error a refused address becomes, worded for the request that met it. */
type Refusal = (error: AddressRefused) => SourceError;

/** The first error of a class in an error's chain of causes (undici's "fetch failed" carries the connection's error). */
function causeOf<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) if (at instanceof type) return at;
  return undefined;
}

/** robots.txt answered 4xx: the site has none, and everything may be fetched. */
class RobotsMissing extends Error {}

function parseUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SourceError(`${address} is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError(`${address}: only http:// and https:// addresses can be followed.`);
  return url;
}
