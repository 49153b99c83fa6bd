/**
 * App installations in many workspaces: one per platform and workspace (or organization), its
 * credentials sealed by the adapter before they get here (see seal.ts), so no token is stored in
 * clear.
 */

export interface StoredInstallation {
  platform: string;
  /** The workspace (or organization, for an org-wide install) the app was installed in. */
  spaceId: string;
  /** The installation as the platform's library describes it, sealed. */
  sealed: string;
  installedAt: Date;
}

export interface InstallationStore {
  /** Resolves once the store answers (PostgreSQL connects in the background); rejects when it cannot. */
  ready(): Promise<void>;
  /** Creates or replaces the installation of a space. */
  saveInstallation(installation: StoredInstallation): Promise<void>;
  getInstallation(platform: string, spaceId: string): Promise<StoredInstallation | undefined>;
  /** Returns false when there was none. */
  deleteInstallation(platform: string, spaceId: string): Promise<boolean>;
  close(): Promise<void>;
}
