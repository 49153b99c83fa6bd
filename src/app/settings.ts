import type { Adapter } from "../adapter/adapter.js";
import { ConfigError, loadConfig, type Config } from "../config/config.js";
import type { Env } from "../config/env.js";

/** An adapter whose variables are set, with the configuration it read. */
export interface WantedAdapter {
  adapter: Adapter;
  config: unknown;
}

export interface Settings {
  config: Config;
  /** In the order of the adapter list; empty means the console. */
  wanted: WantedAdapter[];
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
  return { config: core.value, wanted };
}
