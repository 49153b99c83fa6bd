import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Adapter tests start real servers on loopback; keep them from starving each other on 2 cores.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
