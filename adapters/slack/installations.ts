import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from "@slack/bolt";
import type { Clock } from "../../src/daily/clock.js";
import type { InstallationStore } from "../../src/store/installation-store.js";
import type { Sealer } from "../../src/store/seal.js";

const PLATFORM = "slack";

/** An org-wide install is kept under its organization, any other under its workspace. */
function spaceOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return query.enterpriseId;
  if (query.teamId) return query.teamId;
  throw new Error("a Slack installation without a workspace or organization id");
}

/**
 * Bolt's installation store over the project's: each installation (bot token included) is sealed
 * with AES-256-GCM before it is written, and opened when a request of that workspace comes in.
 */
export function boltInstallationStore(store: InstallationStore, sealer: Sealer, clock: Clock): BoltInstallationStore & { deleteInstallation(query: InstallationQuery<boolean>): Promise<void> } {
  return {
    async storeInstallation(installation) {
      const spaceId = spaceOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await store.saveInstallation({ platform: PLATFORM, spaceId, sealed: sealer.seal(JSON.stringify(installation)), installedAt: clock.now() });
    },
    async fetchInstallation(query) {
      const found = await store.getInstallation(PLATFORM, spaceOf(query));
      if (!found) throw new Error(`no installation for ${spaceOf(query)}`);
      return JSON.parse(sealer.open(found.sealed)) as Installation<"v2", boolean>;
    },
    async deleteInstallation(query) {
      await store.deleteInstallation(PLATFORM, spaceOf(query));
    },
  };
}
