import type { App } from "@slack/bolt";
import type { Logger } from "../../src/log/logger.js";

/** What the app's own listeners take; everything else Slack routes to us is acknowledged by `acknowledgeUnclaimed`. */
export interface Claimed {
  actions: readonly RegExp[];
  /** Callback ids of the message shortcuts (the app has no global shortcut). */
  messageShortcuts: readonly string[];
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
 * not, acknowledge such requests at once. (A body Bolt cannot route at all is refused before it
 * reaches Bolt: request-shape.ts.)
 */
export function acknowledgeUnclaimed(app: App, claimed: Claimed, logger: Logger): void {
  const note = (kind: string, id: unknown) => logger.debug({ kind, id }, "slack request no listener takes: acknowledged");
  app.action({ action_id: anyBut(claimed.actions) }, async ({ ack, action }) => {
    await ack();
    note("action", "action_id" in action ? action.action_id : undefined);
  });
  // Legacy attachment buttons and dialogs: this app sends neither, and Bolt matches them by type alone.
  for (const type of ["interactive_message", "dialog_submission"] as const) {
    app.action({ type }, async ({ ack, body }) => {
      await ack();
      note(type, "callback_id" in body ? body.callback_id : undefined);
    });
  }
  const shortcut = async ({ ack, shortcut }: { ack: () => Promise<void>; shortcut: { callback_id: string } }) => {
    await ack();
    note("shortcut", shortcut.callback_id);
  };
  app.shortcut({ type: "shortcut" }, shortcut);
  app.shortcut({ type: "message_action", callback_id: anyBut(claimed.messageShortcuts.map(literal)) }, shortcut);
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
