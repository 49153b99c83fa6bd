import type { Config } from "../config/config.js";
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
  /** SOURCE_PRIVATE_HOSTS: the private hosts sources may reach. */
  privateHosts?: readonly string[];
  /** SOURCE_CONTACT, for the User-Agent. */
  contact?: string;
  /** Production's rule unless a test says which loopback address stands for a public site. */
  addresses?: AddressPolicy;
  pace?: Pace;
  userAgent?: string;
  dryRun?: boolean;
  onResult?: (source: Source, result: RefreshResult) => void;
}

/** The refresher's options the configuration gives (REFRESH_INTERVAL, SOURCE_KEYWORDS, SOURCE_PRIVATE_HOSTS, SOURCE_CONTACT). */
export function configuredRefresh(config: Config): Pick<RefresherOptions, "intervalMs" | "keywords" | "privateHosts" | "contact"> {
  return {
    intervalMs: config.refreshIntervalMs,
    ...(config.sourceKeywords && { keywords: config.sourceKeywords }),
    ...(config.sourcePrivateHosts && { privateHosts: config.sourcePrivateHosts }),
    ...(config.sourceContact && { contact: config.sourceContact }),
  };
}

/** The fetcher every request to a source goes through: robots.txt, pacing per host, the address policy, the User-Agent. */
export function sourceFetcher(options: Pick<RefresherOptions, "privateHosts" | "contact" | "addresses" | "pace" | "userAgent">): PoliteFetcher {
  const addresses = options.addresses ?? addressPolicy({ ...(options.privateHosts && { privateHosts: options.privateHosts }) });
  return new PoliteFetcher({ userAgent: options.userAgent ?? userAgent(options.contact), addresses, ...(options.pace && { pace: options.pace }) });
}

/** Everything a refresh needs, made once: one fetcher, so its robots.txt rules and host pacing last between refreshes. */
export function refreshContext(options: RefresherOptions): RefreshContext {
  return {
    store: options.store,
    fetcher: sourceFetcher(options),
    isRecap: recapMatcher(options.keywords),
    now: () => new Date(options.pace?.now() ?? Date.now()),
    logger: options.logger,
    intervalMs: options.intervalMs,
    ...(options.dryRun && { dryRun: true }),
    ...(options.onResult && { onResult: options.onResult }),
  };
}
