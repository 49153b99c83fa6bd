import type { Card, Reply } from "../cards/card.js";
import { rich } from "../cards/card.js";
import type { CommandContext } from "../commands/context.js";
import type { Args, CommandSpec } from "../commands/spec.js";
import type { DailyStore, Subscription } from "../store/daily-store.js";
import type { Clock } from "./clock.js";
import { matchingTakeaways, remainingInCycle } from "./rotation.js";
import {
  DEFAULT_POST_TIME,
  DEFAULT_ZONE,
  describeInstant,
  formatPostTime,
  localDate,
  nextPostTime,
  parsePostTime,
  parseZone,
  zoneForCity,
  type Parsed,
  type PostTime,
} from "./schedule.js";
import type { Takeaway } from "./takeaways.js";

export interface DailyCommandsOptions {
  store: DailyStore;
  /** The current takeaways (the same source the scheduler reads). */
  takeaways: () => readonly Takeaway[];
  clock: Clock;
}

/** One subscription per channel and platform. */
export function subscriptionId(ctx: Pick<CommandContext, "platform" | "channelId">): string {
  return `${ctx.platform}:${ctx.channelId}`;
}

/** The `daily on|off|status` command, for createBot({ commands }). */
export function dailyCommands(options: DailyCommandsOptions): CommandSpec[] {
  return [
    {
      name: "daily",
      summary: "Post one KubeCon takeaway in this channel every day: daily on [HH:MM] [Area/City] [topic]",
      examples: ["daily on", "daily on 09:00 Europe/Paris", "daily on 08:30 America/New_York ebpf", "daily status", "daily off"],
      args: [
        { name: "action", description: "on, off or status", type: "string", positional: true, required: true, choices: ["on", "off", "status"] },
        { name: "time", description: "Local post time, HH:MM in 24-hour time (default 09:00)", type: "string", positional: true, maxLength: 16 },
        { name: "zone", description: "IANA time zone such as Europe/Paris (default UTC)", type: "string", positional: true, maxLength: 64 },
        { name: "topic", description: "Only takeaways on this topic", type: "string", positional: true, maxLength: 64, autocomplete: "topic" },
      ],
      visibility: "public",
      requires: "manageChannels",
      run: (args, ctx) => runDaily(options, args, ctx),
    },
  ];
}

async function runDaily(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const action = String(args.action ?? "status").toLowerCase();
  if (action === "status") return status(options, ctx);
  if (ctx.platform === "cli") {
    return userError("Daily posts", "Daily takeaways are posted in a Slack or Discord channel: run this command there.");
  }
  if (action === "off") return turnOff(options, ctx);
  if (action === "on") return turnOn(options, args, ctx);
  return userError("Daily posts", `Unknown action '${action}'. Use daily on, daily off or daily status.`);
}

interface DailySettings {
  time: PostTime;
  zone: string;
  topic?: string;
}

/**
 * Reads `[HH:MM] [Area/City] [topic]` in any order: a platform with named options fills them in
 * their slots, typed text may not ("daily on Europe/Paris", "daily on ebpf").
 */
export function readSettings(values: readonly string[], topics: readonly string[]): Parsed<DailySettings> {
  let time: PostTime | undefined;
  let zone: string | undefined;
  let topic: string | undefined;
  const topicNames = new Map(topics.map((name) => [name.toLowerCase(), name]));
  for (const value of values) {
    const parsed = readValue(value, topicNames);
    if (!parsed.ok) return parsed;
    const { kind } = parsed.value;
    if ((kind === "time" && time) || (kind === "zone" && zone) || (kind === "topic" && topic)) {
      return { ok: false, message: `Give one ${kind === "zone" ? "time zone" : kind}: daily on [HH:MM] [Area/City] [topic].` };
    }
    if (parsed.value.kind === "time") time = parsed.value.time;
    else if (parsed.value.kind === "zone") zone = parsed.value.zone;
    else topic = parsed.value.topic;
  }
  return {
    ok: true,
    value: {
      time: time ?? DEFAULT_POST_TIME,
      zone: zone ?? DEFAULT_ZONE,
      ...(topic && { topic }),
    },
  };
}

type Value = { kind: "time"; time: PostTime } | { kind: "zone"; zone: string } | { kind: "topic"; topic: string };

function readValue(value: string, topics: ReadonlyMap<string, string>): Parsed<Value> {
  const text = value.trim();
  if (/^\d/.test(text)) {
    const time = parsePostTime(text);
    return time.ok ? { ok: true, value: { kind: "time", time: time.value } } : time;
  }
  const topic = topics.get(text.toLowerCase());
  if (topic) return { ok: true, value: { kind: "topic", topic } };
  const city = zoneForCity(text);
  if (text.includes("/") || /^(utc|gmt)$/i.test(text) || city) {
    const zone = parseZone(city ?? text);
    return zone.ok ? { ok: true, value: { kind: "zone", zone: zone.value } } : zone;
  }
  const known = topics.size > 0 ? ` Topics: ${[...topics.values()].slice(0, 12).join(", ")}.` : "";
  return {
    ok: false,
    message: `'${text.slice(0, 40)}' is neither a time zone nor a topic. Use an IANA zone such as Europe/Paris, America/New_York or UTC.${known}`,
  };
}

/** Topic tags with at least one takeaway, most frequent first. */
export function takeawayTopics(takeaways: readonly Takeaway[]): string[] {
  const counts = new Map<string, number>();
  for (const takeaway of takeaways) for (const tag of takeaway.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

async function turnOn(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const takeaways = options.takeaways();
  const values = [args.time, args.zone, args.topic].filter((v): v is string | number => v !== undefined && v !== "").map(String);
  const settings = readSettings(values, takeawayTopics(takeaways));
  if (!settings.ok) return userError("Daily posts", settings.message);
  const { time, zone, topic } = settings.value;

  const now = options.clock.now();
  const subscription = await options.store.saveSubscription({
    id: subscriptionId(ctx),
    platform: ctx.platform,
    channelId: ctx.channelId,
    ...(ctx.spaceId && { spaceId: ctx.spaceId }),
    postTime: formatPostTime(time),
    zone,
    ...(topic && { topic }),
    createdBy: ctx.userId,
    since: now,
  });
  const next = nextPostTime(time, zone, now, subscription.since);
  const count = matchingTakeaways(takeaways, topic).length;
  const about = topic ? ` on ${topic}` : "";
  return {
    visibility: "public",
    card: {
      title: "Daily takeaways are on",
      body: [
        {
          text: rich(
            `A KubeCon takeaway${about} will be posted here every day at ${formatPostTime(time)} (${zone}), ` +
              `from ${count} takeaways, without repeats until all have been posted.`,
          ),
        },
      ],
      fields: [{ label: "First post", value: describeInstant(next.at, zone) }],
      footer: "Turn them off with: daily off",
    },
  };
}

async function turnOff(options: DailyCommandsOptions, ctx: CommandContext): Promise<Reply> {
  const now = options.clock.now();
  const turnedOff = await options.store.disableSubscription(subscriptionId(ctx), `turned off by ${ctx.userId}`, now);
  if (!turnedOff) return notice("Daily posts", "This channel gets no daily takeaways. Turn them on with: daily on 09:00 Europe/Paris");
  return {
    visibility: "public",
    card: {
      title: "Daily takeaways are off",
      body: [{ text: rich("No more daily takeaways in this channel. Turn them back on with: daily on") }],
    },
  };
}

async function status(options: DailyCommandsOptions, ctx: CommandContext): Promise<Reply> {
  const subscription = await options.store.getSubscription(subscriptionId(ctx));
  if (!subscription) return notice("Daily posts", "This channel gets no daily takeaways. Turn them on with: daily on 09:00 Europe/Paris");
  if (!subscription.enabled) {
    const when = subscription.disabledAt ? ` since ${describeInstant(subscription.disabledAt, subscription.zone)}` : "";
    return notice("Daily posts", `Daily takeaways are off in this channel${when}: ${subscription.disabledReason ?? "turned off"}. Turn them back on with: daily on`);
  }
  return { visibility: "ephemeral", card: await statusCard(options, subscription) };
}

async function statusCard(options: DailyCommandsOptions, subscription: Subscription): Promise<Card> {
  const now = options.clock.now();
  const time = parsePostTime(subscription.postTime);
  const candidates = matchingTakeaways(options.takeaways(), subscription.topic);
  const rotation = await options.store.rotation(subscription.id);
  const today = localDate(now, subscription.zone);
  const todays = await options.store.getPost(subscription.id, today);
  const fields = [
    { label: "Time", value: `${subscription.postTime} (${subscription.zone})`, inline: true },
    { label: "Topic", value: subscription.topic ?? "all", inline: true },
    { label: "Left before the rotation restarts", value: `${remainingInCycle(rotation, candidates)} of ${candidates.length}`, inline: true },
  ];
  if (time.ok) {
    const todayDone = todays !== undefined && todays.status !== "retry";
    const next = nextPostTime(time.value, subscription.zone, now, subscription.since, (date) => date === today && todayDone);
    const due = next.at <= now ? " (due now)" : "";
    fields.unshift({ label: "Next post", value: `${describeInstant(next.at, subscription.zone)}${due}`, inline: false });
  }
  return { title: "Daily takeaways", fields };
}

function userError(title: string, message: string): Reply {
  return { visibility: "ephemeral", isError: true, card: { title, body: [{ text: rich(message) }] } };
}

function notice(title: string, message: string): Reply {
  return { visibility: "ephemeral", card: { title, body: [{ text: rich(message) }] } };
}
