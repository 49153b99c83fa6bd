import type { Logger } from "../log/logger.js";
import type { Readiness } from "./readiness.js";

export interface ShutdownOptions {
  logger: Logger;
  readiness: Readiness;
  /** Run in order after readiness turns 503: stop taking work, let what runs finish, close. */
  steps: readonly (() => Promise<void>)[];
  /** Past this the process exits anyway (Kubernetes kills it at terminationGracePeriodSeconds). */
  deadlineMs?: number;
  exit?: (code: number) => void;
}

/** Exit code of a shutdown cut short: by a second signal or by the deadline. */
export const FORCED_EXIT_CODE = 1;

/**
 * SIGTERM and SIGINT: `/readyz` answers 503 at once (the load balancer stops sending), then the
 * steps run and the process exits 0. A second signal exits at once; so does the deadline.
 */
export function handleShutdown({ logger, readiness, steps, deadlineMs = 10_000, exit = (code) => process.exit(code) }: ShutdownOptions): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (readiness.isDraining) {
      logger.warn({ signal }, "second signal: exiting now");
      return exit(FORCED_EXIT_CODE);
    }
    readiness.drain();
    logger.info({ signal, deadlineMs }, "shutting down");
    setTimeout(() => {
      logger.error({ deadlineMs }, "shutdown did not finish in time: exiting now");
      exit(FORCED_EXIT_CODE);
    }, deadlineMs).unref();
    void (async () => {
      for (const step of steps) await step();
      logger.info("shutdown complete");
      exit(0);
    })().catch((error: unknown) => {
      logger.error({ err: error }, "shutdown failed");
      exit(FORCED_EXIT_CODE);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
