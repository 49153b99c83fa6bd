import type { Logger } from "../log/logger.js";
import type { RecapStore, RefreshResult, Source } from "../store/recap-store.js";
import { addressPolicy, type AddressPolicy } from "./address-policy.js";
import { PoliteFetcher, type Pace } from "./polite-fetch.js";
import { recapMatcher } from "./recap-match.js";
import type { RefreshContext } from "./refresh.js";
import { userAgent } from "./user-agent.js";

export interface RefresherOptions {
  store: RecapStore;
  logger: Logger;
  /** REFRESH_INTERVAL, or 0. */
  intervalMs: number;
  /** SOURCE_KEYWORDS, or the defaults. */
  keywords?: readonly string[];
  /** Production's rule unless a test says which loopback address stands for a public site. */
  addresses?: AddressPolicy;
  pace?: Pace;
  userAgent?: string;
  dryRun?: boolean;
  onResult?: (source: Source, result: RefreshResult) => void;
}

/** Everything a refresh needs, made once: one fetcher, so its robots.txt rules and host pacing last between refreshes. */
export function refreshContext(options: RefresherOptions): RefreshContext {
  const addresses = options.addresses ?? addressPolicy();
  return {
    store: options.store,
    fetcher: new PoliteFetcher({ userAgent: options.userAgent ?? userAgent(), addresses, ...(options.pace && { pace: options.pace }) }),
    addresses,
    isRecap: recapMatcher(options.keywords),
    now: () => new Date(options.pace?.now() ?? Date.now()),
    logger: options.logger,
    intervalMs: options.intervalMs,
    ...(options.dryRun && { dryRun: true }),
    ...(options.onResult && { onResult: options.onResult }),
  };
}
