import { ApplicationCommandType, InteractionType, type APIInteraction } from "discord.js";
import { z } from "zod";

/**
 * The parts of an interaction the handler reads, checked before it runs: a body that is signed but
 * does not have them (`{"type":2}` with no data, `data: null`, a type Discord does not send) is
 * refused with 400 instead of failing inside the handler. Everything else passes through as sent.
 */

const user = z.looseObject({ id: z.string() });
const option = z.looseObject({
  name: z.string(),
  type: z.number(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const subcommand = z.looseObject({ name: z.string(), type: z.number(), options: z.array(option).optional() });

/** Who and where: every kind but a ping carries these. */
const common = {
  id: z.string(),
  application_id: z.string(),
  token: z.string(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  user: user.optional(),
  member: z.looseObject({ user: user.optional(), permissions: z.string().regex(/^\d+$/).optional() }).optional(),
  authorizing_integration_owners: z.record(z.string(), z.string()).optional(),
};

const chatInputData = z.looseObject({
  name: z.string(),
  type: z.number().refine((type) => type !== ApplicationCommandType.Message),
  options: z.array(subcommand).optional(),
});
const messageCommandData = z.looseObject({
  name: z.string(),
  type: z.literal(ApplicationCommandType.Message),
  target_id: z.string(),
  resolved: z.looseObject({ messages: z.record(z.string(), z.looseObject({ content: z.string().optional() })) }),
});
const row = z.looseObject({ components: z.array(z.looseObject({ custom_id: z.string().optional() })).optional() });

const interaction = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(InteractionType.Ping) }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ApplicationCommand), data: z.union([messageCommandData, chatInputData]) }),
  z.looseObject({
    ...common,
    type: z.literal(InteractionType.MessageComponent),
    data: z.looseObject({ custom_id: z.string(), component_type: z.number() }),
    message: z.looseObject({ flags: z.number().optional(), components: z.array(row).optional() }),
  }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: chatInputData }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ModalSubmit) }),
]);

/** The interaction, or what is wrong with it (the first problem, with where it is). */
export function readInteraction(body: unknown): { interaction: APIInteraction } | { problem: string } {
  const parsed = interaction.safeParse(body);
  if (parsed.success) return { interaction: body as APIInteraction };
  const issue = parsed.error.issues[0]!;
  return { problem: `${issue.path.join(".") || "(body)"}: ${issue.message}` };
}
