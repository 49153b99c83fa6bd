import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fastCheckSeed: number;
  }
}

/**
 * One fast-check seed for the whole run, printed so a failure can be replayed:
 * `FC_SEED=<seed> npm test` (CI sets FC_SEED to replay a run it saw fail).
 */
export default function setup(project: TestProject): void {
  const fromEnv = process.env.FC_SEED?.trim();
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 0x7fffffff);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, not "${fromEnv}"`);
  console.log(`fast-check seed ${seed}${fromEnv ? " (from FC_SEED)" : ""}; replay with FC_SEED=${seed} npm test`);
  project.provide("fastCheckSeed", seed);
}
