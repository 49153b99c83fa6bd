import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/log/logger.js";
import { isInstallersDoing } from "./install-failure.js";

/**
 * Bolt's and the Web API client's log lines, sent to our pino logger. The level stays pino's:
 * Bolt's attempts to change it are ignored, so LOG_LEVEL rules every line.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const line = (args: unknown[]): string => args.map((arg) => (typeof arg === "string" ? arg : describe(arg))).join(" ");
  return {
    debug: (...args: unknown[]) => logger.debug(line(args)),
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    // Bolt logs every refused install as an error, a user's Cancel included: those are info lines here.
    error: (...args: unknown[]) => (args.some(isInstallersDoing) ? logger.info(line(args)) : logger.error(line(args))),
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: () => {},
  };
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function boltLevel(level: string): LogLevel {
  if (level === "debug" || level === "trace") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  if (level === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}
