import type { Adapter } from "../adapter/adapter.js";
import { ConfigError, loadConfig, SECRET_VARIABLES, type Config } from "../config/config.js";
import type { Env } from "../config/env.js";
import { secretValues } from "../config/secrets.js";

/** An adapter whose variables are set, with the configuration it read. */
export interface WantedAdapter {
  adapter: Adapter;
  config: unknown;
}

export interface Settings {
  config: Config;
  /** In the order of the adapter list; empty means the console. */
  wanted: WantedAdapter[];
  /** The values of every secret variable set, the process's and every adapter's: for the logger to redact. */
  secrets: string[];
}

/**
 * Reads the process's variables and every adapter's, and throws one ConfigError listing every
 * problem found, so a user fixes the whole `.env` in one go.
 */
export function readSettings(env: Env, adapters: readonly Adapter[]): Settings {
  const problems: string[] = [];
  const core = loadConfig(env);
  if (!core.ok) problems.push(...core.problems);
  const wanted: WantedAdapter[] = [];
  for (const adapter of adapters) {
    const read = adapter.fromEnv(env);
    if (!read.ok) problems.push(...read.problems);
    else if (read.value !== undefined) wanted.push({ adapter, config: read.value });
  }
  if (problems.length || !core.ok) throw new ConfigError(problems);
  const secrets = secretValues(env, [...SECRET_VARIABLES, ...adapters.flatMap((adapter) => adapter.secrets)]);
  return { config: core.value, wanted, secrets };
}
