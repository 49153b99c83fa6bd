import { APPLICATION_ID, botMessage } from "./stand-in.js";

/** Raw interaction payloads as Discord sends them (over the gateway or HTTP). */

export const GUILD_ID = "500000000000000001";
export const CHANNEL_ID = "400000000000000001";
export const USER_ID = "600000000000000001";

/** `VIEW_CHANNEL | SEND_MESSAGES` (no Manage Channels) and the same with Manage Channels (1 << 4). */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n));
export const MANAGER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 4n));

let nextId = 700000000000000000n;

export interface Option {
  name: string;
  type: number;
  value: string | number;
  focused?: boolean;
}

function base(type: number, permissions: string) {
  const id = String(++nextId);
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, name: "kubecon" },
    member: {
      user: { id: USER_ID, username: "alice", discriminator: "0", global_name: "Alice", avatar: null },
      roles: [],
      permissions,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: MANAGER_PERMISSIONS,
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export function stringOption(name: string, value: string, focused?: boolean): Option {
  return { name, type: 3, value, ...(focused ? { focused } : {}) };
}

export function integerOption(name: string, value: number): Option {
  return { name, type: 4, value };
}

/** `/kubecon <subcommand> ...options`. */
export function commandInteraction(subcommand: string, options: Option[] = [], permissions = MEMBER_PERMISSIONS) {
  return {
    ...base(2, permissions),
    data: {
      id: "800000000000000001",
      name: "kubecon",
      type: 1,
      options: [{ name: subcommand, type: 1, options }],
    },
  };
}

/** Typing in an autocomplete option: the focused option carries the partial text. */
export function autocompleteInteraction(subcommand: string, options: Option[]) {
  return { ...commandInteraction(subcommand, options), type: 4 };
}

/** Pressing a button on a message the bot sent (`message` carries its components and flags). */
export function buttonInteraction(
  customId: string,
  message: { components: unknown[]; embeds?: unknown[]; flags?: number },
  permissions = MEMBER_PERMISSIONS,
) {
  return {
    ...base(3, permissions),
    data: { custom_id: customId, component_type: 2 },
    message: botMessage({
      id: "300000000000000999",
      channel_id: CHANNEL_ID,
      embeds: message.embeds ?? [],
      components: message.components,
      flags: message.flags ?? 0,
      type: 20,
    }),
  };
}

export function pingInteraction() {
  return { id: String(++nextId), application_id: APPLICATION_ID, type: 1, token: "ping-token", version: 1 };
}

export const DM_CHANNEL_ID = "400000000000000002";
export const GROUP_DM_CHANNEL_ID = "400000000000000003";

/**
 * Where an interaction happens, as Discord describes it: a server the bot is in, a server where
 * only the user installed the app, a DM with the bot, or a group DM (user install only).
 */
export type Where = "server" | "server, user install only" | "bot DM" | "group DM";

const USER = { id: USER_ID, username: "alice", discriminator: "0", global_name: "Alice", avatar: null };

/** The same interaction as it arrives from `where`: the guild, member, channel and install fields Discord sets there. */
export function from<T extends ReturnType<typeof base>>(where: Where, interaction: T): T {
  if (where === "server") return interaction;
  if (where === "server, user install only") return { ...interaction, authorizing_integration_owners: { "1": USER_ID } };
  const { guild_id: _guild, member: _member, guild_locale: _locale, ...rest } = interaction;
  const dm = where === "bot DM";
  const channel = dm ? { id: DM_CHANNEL_ID, type: 1, recipients: [USER] } : { id: GROUP_DM_CHANNEL_ID, type: 3, name: "friends", recipients: [USER] };
  return {
    ...rest,
    user: USER,
    channel_id: channel.id,
    channel,
    context: dm ? 1 : 2,
    authorizing_integration_owners: dm ? { "0": "0", "1": USER_ID } : { "1": USER_ID },
  } as unknown as T;
}

export const MESSAGE_ID = "300000000000000777";

/** "Find KubeCon talks" on a message whose text is `content`. */
export function messageCommandInteraction(content: string) {
  return {
    ...base(2, MEMBER_PERMISSIONS),
    data: {
      id: "800000000000000002",
      name: "Find KubeCon talks",
      type: 3,
      target_id: MESSAGE_ID,
      resolved: { messages: { [MESSAGE_ID]: botMessage({ id: MESSAGE_ID, content, author: { ...USER, id: "600000000000000009", username: "bob" } }) } },
    },
  };
}
