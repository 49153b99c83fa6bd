/** Who asked and where: everything the core needs to know of the platform an request came from. */
export interface CommandContext {
  /** A short platform name ("slack", "discord", "cli"), used for logs and daily subscriptions. */
  platform: string;
  userId: string;
  channelId: string;
  /** Workspace (Slack team) or guild, where there is one. */
  spaceId?: string;
}

export interface RunOptions {
  /** Render the answer for the channel rather than for the asker alone ("Share in channel"). */
  share?: boolean;
}
