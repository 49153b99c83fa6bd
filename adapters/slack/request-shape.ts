import { z } from "zod";

/**
 * The parts of a Slack request that Bolt's routing and this app's listeners read, checked once the
 * signature is good. Bolt takes them for granted: a signed `{"type":"shortcut"}` with no `user`, an
 * options body with no team, `event: null` or a body of `null` throw inside it (a 500, or for `null`
 * a rejected promise no one awaits), and a body it cannot route waits 3 s for an ack that never comes.
 * Such a body is refused at once with 400; everything else passes through as sent. The order of the
 * kinds is Bolt's own (`getTypeAndConversation` in its helpers).
 */

const idObject = z.looseObject({ id: z.string() });

/** Who acted, in every interactivity payload: Bolt reads `user.id`, and the team from `team` or `user.team_id`. */
const interactive = {
  user: z.looseObject({ id: z.string(), team_id: z.string().optional() }),
  team: z.looseObject({ id: z.string(), enterprise_id: z.string().optional() }).nullable().optional(),
  enterprise: idObject.nullable().optional(),
  channel: idObject.optional(),
  response_url: z.string().optional(),
};

const command = z.looseObject({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  team_id: z.string(),
  enterprise_id: z.string().optional(),
  response_url: z.string(),
});

const options = z.looseObject({ ...interactive });

/** A block element's click: Bolt matches on `action_id`; the card's buttons carry the command in `value`. */
const blockAction = z.looseObject({ action_id: z.string(), block_id: z.string().optional(), value: z.string().optional() });
const blockActions = z.looseObject({
  ...interactive,
  actions: z.array(blockAction).min(1),
  container: z.looseObject({ type: z.string(), channel_id: z.string().optional(), is_ephemeral: z.boolean().optional() }),
});
/** Legacy attachment buttons and dialogs, which this app never sends; unclaimed.ts acknowledges them. */
const legacyAction = z.looseObject({
  ...interactive,
  type: z.enum(["interactive_message", "dialog_submission"]),
  callback_id: z.string(),
  actions: z.array(z.looseObject({})).min(1).optional(),
});

const shortcut = z.looseObject({ ...interactive, callback_id: z.string() });
const messageShortcut = shortcut.extend({ channel: idObject, response_url: z.string(), message: z.looseObject({ text: z.string().optional() }) });

const view = z.looseObject({ ...interactive, view: z.looseObject({ callback_id: z.string(), app_installed_team_id: z.string().optional() }) });

/** What Bolt reads of any event to find its channel and user, then what the listened-to events need. */
const anyEvent = z.looseObject({
  type: z.string(),
  user: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  channel: z.union([z.string(), z.looseObject({})]).optional(),
  item: z.looseObject({}).optional(),
  subteam: z.looseObject({}).optional(),
});
const listenedEvents: Record<string, z.ZodType> = {
  app_mention: anyEvent.extend({ channel: z.string(), ts: z.string(), text: z.string(), thread_ts: z.string().optional(), user: z.string().optional() }),
  message: anyEvent.extend({ channel: z.string(), channel_type: z.string().optional(), text: z.string().optional(), user: z.string().optional() }),
  app_home_opened: anyEvent.extend({ user: z.string(), channel: z.string().optional(), tab: z.string().optional() }),
  tokens_revoked: anyEvent.extend({ tokens: z.looseObject({ bot: z.array(z.string()).optional() }) }),
};
const eventEnvelope = z.looseObject({
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
  authorizations: z
    .array(z.looseObject({ team_id: z.string().nullable().optional(), enterprise_id: z.string().nullable().optional(), is_enterprise_install: z.boolean().optional() }))
    .optional(),
});

export type SlackRequest =
  /** For Bolt's receiver itself (`ssl_check`, `url_verification`), or a body Bolt can route. */
  | { kind: "pass" }
  /** Slack telling us it has stopped sending events for a while; it wants no answer but a 200. */
  | { kind: "rate-limited"; minute?: unknown }
  | { kind: "malformed"; problem: string };

/** What kind of Slack request a verified, parsed body is, or the first thing wrong with it. */
export function readSlackRequest(body: unknown): SlackRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { kind: "malformed", problem: "(body): not an object" };
  const fields = body as Record<string, unknown>;
  if (fields.ssl_check === "1" || fields.type === "url_verification") return { kind: "pass" };
  if (fields.type === "app_rate_limited") return { kind: "rate-limited", minute: fields.minute_rate_limited };
  const shape = shapeOf(fields);
  if (!shape) return { kind: "malformed", problem: "(body): no event, command, action, option, shortcut or view" };
  const problem = firstProblem(shape, body) ?? (shape === eventEnvelope ? eventProblem(fields.event as { type: string }) : undefined);
  return problem === undefined ? { kind: "pass" } : { kind: "malformed", problem };
}

function shapeOf(fields: Record<string, unknown>): z.ZodType | undefined {
  if (fields.event !== undefined) return eventEnvelope;
  if (fields.command !== undefined) return command;
  if (fields.name !== undefined || fields.type === "block_suggestion") return options;
  if (fields.actions !== undefined || fields.type === "dialog_submission") return fields.type === "block_actions" || isBlockAction(fields.actions) ? blockActions : legacyAction;
  if (fields.type === "shortcut") return shortcut;
  if (fields.type === "message_action") return messageShortcut;
  if (fields.type === "view_submission" || fields.type === "view_closed") return view;
  return undefined;
}

/** Bolt's test for a block element's click (an `action_id` on the first action), which our button listeners take. */
function isBlockAction(actions: unknown): boolean {
  const [first] = Array.isArray(actions) ? actions : [];
  return typeof first === "object" && first !== null && (first as { action_id?: unknown }).action_id !== undefined;
}

function eventProblem(event: { type: string }): string | undefined {
  const problem = firstProblem(listenedEvents[event.type] ?? anyEvent, event);
  return problem && `event.${problem}`;
}

function firstProblem(shape: z.ZodType, value: unknown): string | undefined {
  const parsed = shape.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join(".") || "(body)"}: ${issue.message}`;
}
