import { createRequire } from "node:module";
import type { LogFormat } from "../log/logger.js";

/**
 * LOG_FORMAT, read the same way by the service's configuration and by the command line (which does
 * not load the configuration module, zod and all, for a one-off search).
 */
export const LOG_FORMATS = ["json", "pretty"] as const satisfies readonly LogFormat[];
export const LOG_FORMAT_PROBLEM = "must be json (lines for a log collector) or pretty (for a terminal)";
const PRETTY_MISSING = "LOG_FORMAT=pretty needs pino-pretty, a development dependency: run npm install (without --omit=dev), or unset LOG_FORMAT for JSON lines";

/** Whether a package can be loaded from here: `LOG_FORMAT=pretty` needs pino-pretty, a development dependency. */
export function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** The problem with a LOG_FORMAT this installation cannot write (pretty without pino-pretty), if any. */
export function logFormatProblem(format: LogFormat, has: (name: string) => boolean = installed): string | undefined {
  return format === "pretty" && !has("pino-pretty") ? PRETTY_MISSING : undefined;
}

/** LOG_FORMAT as the command line reads it: unset or empty is json; a wrong one is a problem line naming it. */
export function commandLineLogFormat(value: string | undefined): { format: LogFormat } | { problem: string } {
  if (!value) return { format: "json" };
  const format = LOG_FORMATS.find((known) => known === value);
  if (!format) return { problem: `LOG_FORMAT ${LOG_FORMAT_PROBLEM}` };
  const problem = logFormatProblem(format);
  return problem ? { problem } : { format };
}
