import { createRequire } from "node:module";
import type { Logger } from "pino";

export type { Logger };

// pino is CommonJS, so it can be loaded when a logger is first made rather than at every start.
const require = createRequire(import.meta.url);

const CENSOR = "[redacted]";

/** JSON lines for collectors (the default), or `pretty`: the same events laid out for a person at a terminal. */
export type LogFormat = "json" | "pretty";

/**
 * Structured JSON logs, one event a line. Secrets are redacted twice: fields named like them (a
 * token we did not configure, as an install brings), and the configured `secrets` by value, anywhere
 * in the line as written (a library's debug line quoting a request body, an error's message).
 */
export function createLogger(level = "info", destination?: NodeJS.WritableStream, secrets: readonly string[] = [], format: LogFormat = "json"): Logger {
  const { pino } = require("pino") as typeof import("pino");
  const redactValues = valueRedactor(secrets);
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["token", "*.token", "authorization", "*.authorization", "headers.authorization", "secret", "*.secret"],
        censor: CENSOR,
      },
      ...(redactValues && { hooks: { streamWrite: redactValues } }),
    },
    // Written as it is logged: nothing is left in a buffer at exit, where sonic-boom's flushSync
    // retries a pipe nobody reads any more (`npm start | tee` after Ctrl-C) forever, signals unheard.
    destination ?? (format === "pretty" ? prettyDestination() : pino.destination({ dest: 2, sync: true })),
  );
}

/** pino-pretty, a development dependency, loaded only when asked for (the configuration checks it is there). */
function prettyDestination(): NodeJS.WritableStream {
  const pretty = require("pino-pretty") as typeof import("pino-pretty");
  return pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true, translateTime: "SYS:HH:MM:ss.l", singleLine: true });
}

/**
 * Replaces every secret in a written line, as it is and as JSON or a URL would escape it (the
 * longest first, so one secret inside another goes whole); undefined when there is none.
 */
function valueRedactor(secrets: readonly string[]): ((line: string) => string) | undefined {
  const forms = new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]));
  if (forms.size === 0) return undefined;
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return (line) => line.replace(pattern, CENSOR);
}

/** pino's levels, so a lazy logger can drop what is below its level without making the logger. */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/**
 * The same logger, made when something at its level is first logged: a one-off command-line run
 * mostly logs nothing, and loading pino is ~20 ms of its start.
 */
export function createLazyLogger(level = "info", format: LogFormat = "json"): Logger {
  const threshold = LEVELS[level] ?? Infinity;
  let logger: Logger | undefined;
  const real = () => (logger ??= createLogger(level, undefined, [], format));
  const ignore = () => {};
  return new Proxy({} as Logger, {
    get(_, property) {
      if (typeof property === "string" && property in LEVELS && LEVELS[property]! < threshold) return ignore;
      const value: unknown = Reflect.get(real(), property);
      return typeof value === "function" ? value.bind(real()) : value;
    },
  });
}
