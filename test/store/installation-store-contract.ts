import { describe, expect, it } from "vitest";
import type { InstallationStore } from "../../src/store/installation-store.js";

/** What every InstallationStore must do, run against SQLite and PostgreSQL alike. */
export function installationStoreContract(name: string, open: () => Promise<InstallationStore>): void {
  describe(`${name} installation store`, () => {
    it("keeps one installation per platform and space, replaced by a new install, deleted once", async () => {
      const store = await open();
      try {
        const at = new Date(Date.UTC(2026, 0, 1));
        await store.saveInstallation({ platform: "slack", spaceId: "T1", sealed: "v1:first", installedAt: at });
        await store.saveInstallation({ platform: "slack", spaceId: "T1", sealed: "v1:second", installedAt: new Date(at.getTime() + 1000) });
        await store.saveInstallation({ platform: "other", spaceId: "T1", sealed: "v1:other", installedAt: at });
        expect(await store.getInstallation("slack", "T1")).toEqual({ platform: "slack", spaceId: "T1", sealed: "v1:second", installedAt: new Date(at.getTime() + 1000) });
        expect(await store.getInstallation("slack", "T2")).toBeUndefined();
        expect(await store.deleteInstallation("slack", "T1")).toBe(true);
        expect(await store.deleteInstallation("slack", "T1")).toBe(false);
        expect(await store.getInstallation("slack", "T1")).toBeUndefined();
        expect((await store.getInstallation("other", "T1"))?.sealed).toBe("v1:other");
      } finally {
        await store.close();
      }
    });
  });
}
