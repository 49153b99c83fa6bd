import { tempStore } from "../daily/helpers.js";
import { dailyStoreContract } from "./contract.js";

dailyStoreContract("SQLite", async () => {
  const env = tempStore();
  return { store: env.store, connect: async () => env.reopen(), cleanup: env.cleanup };
});
