import fc from "fast-check";
import { inject } from "vitest";

// Every property of the run draws from the seed printed at its start (see test/setup/seed.ts).
fc.configureGlobal({ seed: inject("fastCheckSeed") });
