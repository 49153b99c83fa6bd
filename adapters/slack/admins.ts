import { webApi, type App } from "@slack/bolt";
import { UserError } from "../../src/commands/user-error.js";
import type { Logger } from "../../src/log/logger.js";

/** The bot scope `users.info` needs: installs made before the app asked for it lack it until reinstalled. */
const ADMIN_CHECK_SCOPE = "users:read";

const MISSING_SCOPE_ANSWER =
  "I cannot tell whether you are a workspace admin: this Slack app was installed without the users:read permission. Ask whoever installed it to reinstall the app (reinstalling grants users:read), or to list you in SLACK_CHANNEL_MANAGERS.";
const NO_ANSWER = "Slack did not tell me whether you are a workspace admin just now: try again in a minute.";

/**
 * Whether a user is an admin or owner of their workspace, asked of Slack (users.info, scope
 * `users:read`) only when a command needs to know. When Slack cannot say (an install without the
 * scope, an outage), the asker gets a clear answer of what to do, and the log says why with the
 * workspace and user: never a refusal that blames the asker for our install.
 */
export async function isWorkspaceAdmin(client: App["client"], userId: string, logger: Logger, teamId?: string): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.is_admin === true || user?.is_owner === true;
  } catch (error) {
    const context = { user: userId, ...(teamId && { team: teamId }) };
    if (error instanceof webApi.WebAPIPlatformError && error.data.error === "missing_scope") {
      const { needed, provided } = error.data as { needed?: string; provided?: string };
      logger.warn({ ...context, needed: needed ?? ADMIN_CHECK_SCOPE, provided }, "slack app lacks the users:read scope, so workspace admins cannot be told apart: reinstall the app in this workspace to grant it");
      throw new UserError(MISSING_SCOPE_ANSWER);
    }
    logger.warn({ err: error, ...context }, "slack users.info failed: the admin check could not be made");
    throw new UserError(NO_ANSWER);
  }
}
