/**
 * What the asker may do and what the place they asked from can take, as the front end knows it.
 * The core decides with these; the adapter only fills them in.
 */
export interface Capabilities {
  /** May change this channel's settings (its daily posts). Discord: Manage Channels; Slack: a setting, anyone by default. */
  manageChannel: boolean;
  /** Posts can reach this channel later, unasked (false in the terminal, or where the bot is not a member). */
  channelPosts: boolean;
  /**
   * May change what the whole bot reads (the sources it follows). Discord: Manage Server; Slack: a
   * workspace admin or owner, or one of SLACK_CHANNEL_MANAGERS. A function when finding out costs
   * a call to the platform: asked only when a command needs it. Absent: no.
   */
  manageSources?: boolean | (() => Promise<boolean>);
}

export type Capability = keyof Capabilities;

/**
 * The first of `needs` a place lacks, or `undefined` where all are there, without asking the
 * platform: what keeps a hint from naming a command that would be refused where it is shown.
 */
export function lacking(can: Capabilities, needs: readonly Capability[] = []): Capability | undefined {
  // A capability the platform is asked for when needed (a function) counts as there: see lackingAsked.
  return needs.find((need) => !can[need]);
}

/** The first of `needs` the asker lacks, asking the platform where it must: what the core refuses a command with. */
export async function lackingAsked(can: Capabilities, needs: readonly Capability[] = []): Promise<Capability | undefined> {
  for (const need of needs) {
    const value = can[need];
    if (!(typeof value === "function" ? await value() : value)) return need;
  }
  return undefined;
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
export const TERMINAL: Capabilities = { manageChannel: true, channelPosts: false, manageSources: true };
