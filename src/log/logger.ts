import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs, one event a line; tokens and secrets are redacted wherever they appear. */
export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["token", "*.token", "authorization", "*.authorization", "headers.authorization", "secret", "*.secret"],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(2),
  );
}
