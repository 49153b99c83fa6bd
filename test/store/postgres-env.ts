import { afterAll, beforeAll } from "vitest";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { PostgresDailyStore } from "../../src/store/postgres-daily-store.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import type { OpenedStore } from "./contract.js";

/**
 * One throwaway server for a test file (started before its tests, stopped after) and a fresh
 * database per test. When the server cannot run here, every test of the file fails saying why.
 */
export function postgresServer(): { server: () => TestPostgres; freshStore: (logger?: Logger) => Promise<OpenedStore> } {
  let server: TestPostgres | undefined;
  let databases = 0;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  const current = () => {
    if (!server) throw new Error("the PostgreSQL server did not start (see the error of beforeAll)");
    return server;
  };
  return {
    server: current,
    async freshStore(logger = createLogger("silent")) {
      const url = await current().createDatabase(`kubecon_test_${++databases}`);
      const opened: PostgresDailyStore[] = [];
      const connect = async () => {
        const store = new PostgresDailyStore({ url, logger, poolSize: 4 });
        opened.push(store);
        await store.ready();
        return store;
      };
      return {
        store: await connect(),
        connect,
        cleanup: async () => {
          for (const store of opened) await store.close();
        },
      };
    },
  };
}
