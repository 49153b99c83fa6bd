import type { Adapter } from "../../src/adapter/adapter.js";
import { renderText } from "../../src/cards/text.js";
import { textOf } from "../../src/config/env.js";
import { PostError } from "../../src/daily/poster.js";

/**
 * A third platform in a few dozen lines, written against the core's Adapter type only: one
 * variable, a JSON webhook answering with the card as text, and a poster that keeps what it posts.
 * Nothing of it is in src/ or adapters/index.ts: tests start it through the same registry.
 */
export interface ToyPlatform {
  readonly adapter: Adapter<{ token: string }>;
  /** The posts the platform was sent, per channel, oldest first (those it refused too). */
  readonly posted: Map<string, { messageId: string; text: string }[]>;
  /** Channels the platform no longer knows: a post there fails for good. */
  readonly lost: Set<string>;
}

/** The webhook's request: who asks, where, whether they may manage the channel, and the command text. */
export interface ToyRequest {
  token: string;
  user: string;
  channel: string;
  space?: string;
  manager?: boolean;
  text: string;
}

export function toyPlatform(): ToyPlatform {
  const posted = new Map<string, { messageId: string; text: string }[]>();
  const lost = new Set<string>();
  let messages = 0;
  const adapter: Adapter<{ token: string }> = {
    name: "toy",
    label: "Toy Chat",
    fromEnv: (env) => {
      const token = textOf(env, "TOY_TOKEN");
      return { ok: true, value: token === undefined ? undefined : { token } };
    },
    startHints: { credentials: "TOY_TOKEN", address: "the network" },
    secrets: ["TOY_TOKEN"],
    async start({ config, bot, http }) {
      // The host has read the body (within its limit) before the route runs.
      http.mount("/toy/commands", async (req, res) => {
        const { token, user, channel, space, manager = true, text } = JSON.parse(req.rawBody.toString("utf8")) as ToyRequest;
        if (token !== config.token) return void res.writeHead(401).end();
        const reply = await bot.run(text, { platform: "toy", userId: user, channelId: channel, spaceId: space, can: { manageChannel: manager, channelPosts: true } });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ public: reply.visibility === "public", text: renderText(reply.card) }));
      });
      return {
        mode: "webhook",
        summary: "over a webhook",
        poster: {
          async post({ channelId }, card) {
            const messageId = String(++messages);
            posted.set(channelId, [...(posted.get(channelId) ?? []), { messageId, text: renderText(card) }]);
            if (lost.has(channelId)) throw new PostError("no such channel", "permanent", "no_such_channel");
            return { messageId };
          },
        },
        ready: () => true,
        stop: async () => {},
      };
    },
  };
  return { adapter, posted, lost };
}
