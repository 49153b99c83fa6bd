/**
 * What the asker may do and what the place they asked from can take, as the front end knows it.
 * The core decides with these; the adapter only fills them in.
 */
export interface Capabilities {
  /** May change this channel's settings (its daily posts). Discord: Manage Channels; Slack: a setting, anyone by default. */
  manageChannel: boolean;
  /** Posts can reach this channel later, unasked (false in the terminal, or where the bot is not a member). */
  channelPosts: boolean;
}

export type Capability = keyof Capabilities;

/**
 * The first of `needs` a place lacks, or `undefined` where all are there. What the core refuses a
 * command with, and what keeps a hint from naming a command that would be refused where it is shown.
 */
export function lacking(can: Capabilities, needs: readonly Capability[] = []): Capability | undefined {
  return needs.find((need) => !can[need]);
}

/** Who asked and where: everything the core needs to know of the platform a request came from. */
export interface CommandContext {
  /** The adapter's name ("cli" for the terminal), used for logs and daily subscriptions. */
  platform: string;
  userId: string;
  channelId: string;
  /** Workspace or server, where there is one. */
  spaceId?: string;
  can: Capabilities;
}

export interface RunOptions {
  /** Render the answer for the channel rather than for the asker alone ("Share in channel"). */
  share?: boolean;
}

/** The terminal: one person, no channel that posts can reach. */
export const TERMINAL: Capabilities = { manageChannel: true, channelPosts: false };
