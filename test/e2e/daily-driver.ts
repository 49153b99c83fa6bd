import type { Poster } from "../../src/daily/poster.js";
import type { Logger } from "../../src/log/logger.js";
import type { LogCapture } from "../slack/harness.js";
import type { DailyWorld } from "./world.js";

/** An answer or a post as the daily suite reads it, whatever the platform. */
export interface Seen {
  /** Whether the channel sees it; false when only the asker does. */
  public: boolean;
  /** The message's texts (title, body, fields, buttons), one a line, as the platform shows them. */
  text: string;
  /** The command behind its "Read the talk" button, if it has one. */
  readTalk?: string;
}

/** `daily on|off|status` as the suite asks for it; each platform types it its own way. */
export type DailyArgs = { action: "on"; time: string; zone: string } | { action: "off" } | { action: "status" };

/**
 * One platform under the daily suite (test/e2e/daily.test.ts): its real adapter on loopback
 * against its stand-in, driven the way the platform would. A new adapter gets the whole suite by
 * writing one of these and listing it there.
 */
export interface DailyDriver {
  /** The adapter's name, as subscription ids start (`slack:C123`). */
  readonly platform: string;
  /** Two channels the bot is in: one it keeps, one the platform will lose. */
  readonly channels: { kept: string; lost: string };
  /** The workspace or server the channels are in, and who asks, as the subscription records them. */
  readonly spaceId: string;
  readonly askerId: string;
  /** What posts daily takeaways into this platform's channels. */
  readonly poster: Poster;
  /** The adapter's logger (the schedulers log through it too), and its lines. */
  readonly logger: Logger;
  readonly logs: LogCapture;
  /** Text as the platform shows it (its escaping), to find a takeaway in a message. */
  shown(text: string): string;
  /** Types `daily ...` in a channel, as someone who may manage it or as a plain member. */
  daily(channel: string, args: DailyArgs, asker?: "manager" | "member"): Promise<Seen>;
  /** The messages posted into a channel, oldest first. */
  posts(channel: string): Seen[];
  /** Checks what only this platform promises of a delivered post (its id's shape, mentions, unfurling, the token used). */
  checkDelivered(channel: string, index: number, messageId: string): void;
  /** Presses "Read the talk" on a channel's post; the answer. */
  pressReadTalk(channel: string, index: number): Promise<Seen>;
  /** From now on the platform answers posts in `channel` as for a deleted channel: what the subscription then records, and the code logged. */
  loseChannel(channel: string): { reason: string; code: string };
  close(): Promise<void>;
}

/** Starts a platform's driver over the world's bot and store. */
export type StartDriver = (world: DailyWorld) => Promise<DailyDriver>;
