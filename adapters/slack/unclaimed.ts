import type { App } from "@slack/bolt";
import type { Logger } from "../../src/log/logger.js";

/** What the app's own listeners take; everything else Slack routes to us is acknowledged by `acknowledgeUnclaimed`. */
export interface Claimed {
  actions: readonly RegExp[];
  shortcuts: readonly string[];
  command: string;
}

/** A Bolt constraint matching any id but these (each pattern whole, anchors and all). */
function anyBut(patterns: readonly RegExp[]): RegExp {
  return new RegExp(`^(?!(?:${patterns.map((pattern) => pattern.source.replace(/^\^|\$$/g, "")).join("|")})$)`);
}

const literal = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);

/**
 * Slack wants every request answered within 3 seconds and shows the user an error otherwise. Bolt
 * answers a request no listener takes only when its own 3-second timer runs out (with a 404 and an
 * error line): a button, shortcut, slash command, modal or menu of another manifest version would
 * hang that long and fail. These listeners, registered beside ours and matching only what ours do
 * not, acknowledge such requests at once. (A body Bolt cannot route at all reaches no listener, so
 * it still waits for Bolt's timer; Slack never sends one.)
 */
export function acknowledgeUnclaimed(app: App, claimed: Claimed, logger: Logger): void {
  const note = (kind: string, id: unknown) => logger.debug({ kind, id }, "slack request no listener takes: acknowledged");
  app.action({ action_id: anyBut(claimed.actions) }, async ({ ack, action }) => {
    await ack();
    note("action", "action_id" in action ? action.action_id : undefined);
  });
  app.shortcut({ callback_id: anyBut(claimed.shortcuts.map(literal)) }, async ({ ack, shortcut }) => {
    await ack();
    note("shortcut", shortcut.callback_id);
  });
  app.command(anyBut([literal(claimed.command)]), async ({ ack, command }) => {
    await ack({ response_type: "ephemeral", text: `This app answers ${claimed.command}; try \`${claimed.command} help\`.` });
    note("command", command.command);
  });
  for (const type of ["view_submission", "view_closed"] as const) {
    app.view({ type }, async ({ ack, view }) => {
      await ack();
      note(type, view.callback_id);
    });
  }
  app.options({}, async ({ ack }) => {
    await ack({ options: [] });
    note("options", undefined);
  });
}
