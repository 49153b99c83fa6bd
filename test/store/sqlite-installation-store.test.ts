import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openSqliteInstallationStore } from "../../src/store/sqlite-installation-store.js";
import { installationStoreContract } from "./installation-store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "kubecon-installations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

installationStoreContract("SQLite", async () => openSqliteInstallationStore(dir));
