import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoredRecaps } from "../../src/app/stored-recaps.js";
import { storedRecapName } from "../../src/corpus/stored-recaps.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { memoryLogger } from "../core/helpers.js";
import { recapInput } from "../store/recap-store-contract.js";

let dir: string | undefined;
const opened: RecapStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir ??= mkdtempSync(join(tmpdir(), "kubecon-stored-"));
  const store = openSqliteRecapStore(dir);
  opened.push(store);
  return store;
};

describe("following the stored recaps on SQLite (no announcements)", () => {
  it("reads them as recap files, and the periodic check tells of a recap another process put", async () => {
    const log = memoryLogger();
    const stored = new StoredRecaps(open(), log.logger);
    expect(await stored.read()).toEqual([]);
    let told!: (why: string) => void;
    const moved = new Promise<string>((resolve) => (told = resolve));
    // The check made once the store is ready may tell first; the periodic one must tell too.
    const stop = stored.follow((why) => why === "periodic check" && told(why), 20);

    const { recap } = await open().putRecap(recapInput("Talk one\n- eBPF everywhere"));
    expect(await moved).toBe("periodic check");
    await stop();
    expect(await stored.read()).toEqual([{ name: storedRecapName(recap.id), text: recap.document }]);
  });

  it("serves the recaps read last when the store stops answering, and says so", async () => {
    const log = memoryLogger();
    const store = open();
    await store.putRecap(recapInput("Talk one\n- eBPF everywhere"));
    const stored = new StoredRecaps(store, log.logger);
    const first = await stored.read();
    expect(first).toHaveLength(1);
    await store.close();
    expect(await stored.read()).toEqual(first);
    expect(log.lines().join("")).toContain("recap store did not answer; serving the stored recaps read last");
  });
});
