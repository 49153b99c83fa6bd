import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { recapStoreContract } from "./recap-store-contract.js";

recapStoreContract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-recaps-"));
  const opened: RecapStore[] = [];
  const connect = async () => {
    const store = openSqliteRecapStore(dir);
    opened.push(store);
    return store;
  };
  return {
    store: await connect(),
    connect,
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
