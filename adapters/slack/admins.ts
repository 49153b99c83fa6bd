import type { App } from "@slack/bolt";
import type { Logger } from "../../src/log/logger.js";

/**
 * Whether a user is an admin or owner of their workspace, asked of Slack (users.info, scope
 * `users:read`) only when a command needs to know. A failure counts as no, and is logged.
 */
export async function isWorkspaceAdmin(client: App["client"], userId: string, logger: Logger): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.is_admin === true || user?.is_owner === true;
  } catch (error) {
    logger.warn({ err: error, user: userId }, "slack users.info failed: the user is not taken for a workspace admin");
    return false;
  }
}
