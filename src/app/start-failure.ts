import { ConfigError } from "../config/config.js";

/**
 * A platform refusing us at start (a wrong or revoked token, an unreachable API) is a configuration
 * problem: one line naming what to check, not a stack trace.
 */
export async function explainStartFailure<T>(platform: string, variables: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const reason = (error as { data?: { error?: string } }).data?.error ?? (error as { code?: string }).code ?? (error as Error).message;
    throw new ConfigError(`${platform} refused to start (${reason}): check ${variables}.`);
  }
}
