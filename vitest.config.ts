import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Adapter tests start real servers on loopback; keep them from starving each other on 2 cores.
    pool: "forks",
    // One worker a core, not vitest's default of one fewer (a single worker on two cores): most
    // tests wait on processes, servers and sockets of their own, so a second one runs meanwhile.
    maxWorkers: "100%",
    // Generous limits: they only catch a hung test. A test never asserts a duration, and on a shared
    // machine a property run of 500 cases can take twenty seconds.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One printed fast-check seed per run; FC_SEED replays it.
    globalSetup: ["test/setup/seed.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
  },
});
