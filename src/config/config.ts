import { z } from "zod";
import type { LogFormat } from "../log/logger.js";
import { installed, LOG_FORMAT_PROBLEM, LOG_FORMATS, logFormatProblem } from "./log-format.js";
import { readVariables, type ConfigRead, type Env } from "./env.js";

/**
 * Raised when configuration is missing or wrong: every problem, each one line naming the variable
 * and what to do, so a user fixes them all in one go.
 */
export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: readonly string[]) {
    super(problems.map((problem) => `${problem} (in the environment or .env; see .env.example)`).join("\n"));
  }
}

/** A duration: a number and a unit (s, m, h, d); a bare 0 is none. */
const DURATION = /^(0|\d+\s*[smhd])$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const durationMs = (text: string) => (text === "0" ? 0 : parseInt(text, 10) * UNIT_MS[text.trim().slice(-1).toLowerCase()]!);
/** A comma-separated list of at least one item, each as `item` checks it. */
const commaList = (item: z.ZodString) => z.string().transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean)).pipe(z.array(item).min(1));

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;


/** The variables of the process itself; each adapter reads its own in `adapters/<platform>/config.ts`. */
const variables = {
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS), problem: `must be one of ${LOG_LEVELS.join(", ")}` },
  LOG_FORMAT: { schema: z.enum(LOG_FORMATS), problem: LOG_FORMAT_PROBLEM },
  CORPUS_DIR: { schema: z.string(), problem: "must be a folder" },
  DATA_DIR: { schema: z.string(), problem: "must be a folder" },
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
    problem: "must be a PostgreSQL URL like postgres://user:password@host:5432/database (or unset, for SQLite in DATA_DIR)",
  },
  PORT: { schema: z.coerce.number().int().min(1).max(65535), problem: "must be a number from 1 to 65535" },
  METRICS_PORT: { schema: z.coerce.number().int().min(1).max(65535), problem: "must be a number from 1 to 65535" },
  ALLOW_EMPTY_CORPUS: { schema: z.enum(["0", "1"]), problem: "must be 1 (start with a corpus of no section) or 0" },
  REFRESH_INTERVAL: {
    schema: z.string().regex(DURATION).transform(durationMs),
    problem: "must be a duration like 6h, 90m or 1d (0 turns the refresh of sources off)",
  },
  RECAP_CHECK_INTERVAL: {
    schema: z.string().regex(DURATION).transform(durationMs),
    problem: "must be a duration like 30s or 5m (0 leaves a replica to the store's announcements alone)",
  },
  SOURCE_KEYWORDS: {
    schema: commaList(z.string()),
    problem: "must be words that name the event, comma-separated (kubecon, cloudnativecon)",
  },
  SOURCE_PRIVATE_HOSTS: {
    schema: commaList(z.string().regex(/^[\w.:\[\]-]+$/)),
    problem: "must be host names or IP addresses, comma-separated (wiki.internal, 10.0.0.12), without scheme or port",
  },
  SOURCE_CONTACT: {
    schema: z.string().regex(/^(https?:\/\/[^\s()<>"]+|[^\s()<>"@]+@[^\s()<>"@]+\.[^\s()<>"@]+)$/),
    problem: "must be an http(s) URL or an e-mail address where a site's owner can reach you (https://example.org/bot, ops@example.org)",
  },
};

/** The process's own variables that hold secrets (a URL's password): redacted from every log line. */
export const SECRET_VARIABLES = ["DATABASE_URL"] as const;

export interface Config {
  logLevel: string;
  logFormat: LogFormat;
  corpusDir: string;
  dataDir: string;
  /** A PostgreSQL server for the daily store, shared by replicas; SQLite in `dataDir` without it. */
  databaseUrl?: string;
  port: number;
  /** Where `GET /metrics` is served when it is not on `port`. */
  metricsPort?: number;
  /** Start even when the corpus has no section (it stays not ready until it has some). */
  allowEmptyCorpus: boolean;
  /** How often sources are refreshed in service mode; 0 when they are not. */
  refreshIntervalMs: number;
  /** Words that name the event in a feed item or page that is a recap; the defaults when unset. */
  sourceKeywords?: string[];
  /** Hosts on a private network that sources may reach; none when unset. */
  sourcePrivateHosts?: string[];
  /** Where a site's owner reaches the operator (the User-Agent says it); package.json's repository when unset. */
  sourceContact?: string;
  /** How often a replica checks the recap store for changes it was not told of; 0 when it does not. */
  recapCheckMs: number;
}

/** Sources are refreshed four times a day unless REFRESH_INTERVAL says otherwise. */
const DEFAULT_REFRESH_MS = 6 * 3_600_000;
/** A replica that missed an announcement (or on SQLite, which makes none) learns a new recap within this. */
const DEFAULT_RECAP_CHECK_MS = 30_000;

/** Reads the process's own variables, with their defaults; `has` tells whether a package is installed. */
export function loadConfig(env: Env, has: (name: string) => boolean = installed): ConfigRead<Config> {
  const { values: e, problems } = readVariables(env, variables);
  const formatProblem = e.LOG_FORMAT && logFormatProblem(e.LOG_FORMAT, has);
  if (formatProblem) problems.push(formatProblem);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      logLevel: e.LOG_LEVEL ?? "info",
      logFormat: e.LOG_FORMAT ?? "json",
      corpusDir: e.CORPUS_DIR ?? "data/recaps",
      dataDir: e.DATA_DIR ?? "var",
      ...(e.DATABASE_URL && { databaseUrl: e.DATABASE_URL }),
      port: e.PORT ?? 3000,
      ...(e.METRICS_PORT && { metricsPort: e.METRICS_PORT }),
      allowEmptyCorpus: e.ALLOW_EMPTY_CORPUS === "1",
      refreshIntervalMs: e.REFRESH_INTERVAL ?? DEFAULT_REFRESH_MS,
      ...(e.SOURCE_KEYWORDS && { sourceKeywords: e.SOURCE_KEYWORDS }),
      ...(e.SOURCE_PRIVATE_HOSTS && { sourcePrivateHosts: e.SOURCE_PRIVATE_HOSTS }),
      ...(e.SOURCE_CONTACT && { sourceContact: e.SOURCE_CONTACT }),
      recapCheckMs: e.RECAP_CHECK_INTERVAL ?? DEFAULT_RECAP_CHECK_MS,
    },
  };
}
