import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { feedbackStoreContract } from "./feedback-store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "kubecon-feedback-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

feedbackStoreContract("SQLite", async () => openSqliteFeedbackStore(dir));
