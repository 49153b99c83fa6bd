import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * `npm run test:unit`: the fast tier for the edit-test loop, every test that needs no server, no
 * browser and no child process (test/setup/unit-only.ts makes one that does fail at once). `npm test`
 * runs these and all the others.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        // Whole areas that start servers, processes or a browser.
        "test/deploy/**",
        "test/discord/**",
        "test/docs/**",
        "test/e2e/**",
        "test/faults/**",
        "test/http/**",
        "test/ingest/**",
        "test/ops/**",
        "test/preview/**",
        "test/replicas/**",
        "test/slack/**",
        // Index snapshots of whole corpora written and read back: a third of the tier's time on their own.
        "test/snapshot/**",
        // Files that start one among tests of their own kind.
        "test/app/worker-reload.test.ts",
        "test/architecture/toy-adapter.test.ts",
        "test/core/adapter-start.test.ts",
        "test/core/cli.test.ts",
        "test/feedback/votes.test.ts",
        "test/sources/commands.test.ts",
        "test/sources/refresh.test.ts",
        "test/sources/replicas.test.ts",
        "test/sources/schedule.test.ts",
        "test/store/backup.test.ts",
        "test/store/data-dir.test.ts",
        "test/store/faults.test.ts",
        "test/store/postgres*.test.ts",
        "test/store/replicas.test.ts",
        "test/support/stand-ins.test.ts",
      ],
      setupFiles: ["test/setup/unit-only.ts"],
      // The files of a worker share their imports (the corpus, the engine): half the tier's CPU time.
      isolate: false,
    },
  }),
);
