import type { Card, Reply } from "../cards/card.js";
import { rich } from "../cards/card.js";
import { dailyCard } from "../cards/takeaway-card.js";
import { plural } from "../text/plural.js";
import { lacking, type Capability, type CommandContext } from "../commands/context.js";
import type { Topic } from "../corpus/topics.js";
import type { Args, CommandSpec } from "../commands/spec.js";
import { UserError } from "../commands/user-error.js";
import type { DailyStore, Subscription } from "../store/daily-store.js";
import type { Clock } from "./clock.js";
import type { EventDayPost } from "./event-day.js";
import { chooseTakeaway, matchingTakeaways, remainingInCycle } from "./rotation.js";
import {
  DEFAULT_POST_TIME,
  DEFAULT_ZONE,
  describeInstant,
  earliestPost,
  formatPostTime,
  nextPostTime,
  parsePostTime,
  parseZone,
  zoneForCity,
  type LocalDate,
  type Parsed,
  type PostTime,
} from "./schedule.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { localDate } from "../time/wall-time.js";

export interface DailyCommandsOptions {
  /** The subscriptions' store, asked for when a command runs: listing or registering the commands opens none. */
  store: () => DailyStore;
  /** The current takeaways (the same source the scheduler reads). */
  takeaways: () => Promise<readonly Takeaway[]>;
  clock: Clock;
  /** The topic lexicon, so `daily on ... <topic>` accepts a topic's id or label. */
  topics: readonly Topic[];
  /** An event day's post in place of the takeaway (the scheduler's own, see event-day.ts), for the preview. */
  eventDay?: (topic: string | undefined, date: LocalDate) => EventDayPost | undefined;
}

/** One subscription per channel and platform. */
export function subscriptionId(ctx: Pick<CommandContext, "platform" | "channelId">): string {
  return `${ctx.platform}:${ctx.channelId}`;
}

const CHANGES = new Set(["on", "off", "news"]);
const actionOf = (args: Args) => String(args.action ?? "status").toLowerCase();
// Anyone may look; changing the posts needs a channel posts reach and the right to manage it.
const needs = (args: Args): readonly Capability[] => (CHANGES.has(actionOf(args)) ? ["channelPosts", "manageChannel"] : []);

/** How to turn the posts (back) on, said only where the asker can; elsewhere what they can do instead. */
function turnOnHint(ctx: CommandContext, again: boolean): string {
  if (lacking(ctx.can, needs({ action: "on" }))) return "See the card a daily post would show with: daily preview";
  return again ? "Turn them back on with: daily on" : "Turn them on with: daily on 09:00 Europe/Paris";
}

/** The `daily on|off|status|preview` command, for createBot({ commands }). */
export function dailyCommands(options: DailyCommandsOptions): CommandSpec[] {
  const spec: CommandSpec = {
    name: "daily",
    summary: "Post one KubeCon takeaway in this channel every day: daily on [HH:MM] [Area/City] [topic]",
    examples: ["daily on", "daily on 09:00 Europe/Paris", "daily on 08:30 America/New_York ebpf", "daily status", "daily preview", "daily news on", "daily off"],
    args: [
      { name: "action", description: "on, off, status, preview or news", type: "string", positional: true, required: true, choices: ["on", "off", "status", "preview", "news"] },
      { name: "time", description: "Local post time, HH:MM in 24-hour time (default 09:00)", type: "string", positional: true, maxLength: 64 },
      { name: "zone", description: "IANA time zone such as Europe/Paris (default UTC)", type: "string", positional: true, maxLength: 64 },
      { name: "topic", description: "Only takeaways on this topic", type: "string", positional: true, rest: true, maxLength: 64, autocomplete: "topic" },
    ],
    // Turning posts on or off is news for the channel; the status and a preview are for the asker.
    visibility: (args) => (CHANGES.has(actionOf(args)) ? "public" : "ephemeral"),
    needs,
    help: (can) =>
      can.channelPosts
        ? spec
        : { name: "daily", summary: "See the card a daily takeaway post shows (posting needs a chat channel)", examples: ["daily preview", "daily preview ebpf"] },
    run: (args, ctx) => runDaily(options, args, ctx),
  };
  return [spec];
}

async function runDaily(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const action = actionOf(args);
  if (action === "status") return status(options, ctx);
  if (action === "preview") return preview(options, args, ctx);
  if (action === "off") return turnOff(options, ctx);
  if (action === "news") return news(options, args, ctx);
  return turnOn(options, args, ctx);
}

/** `daily news on|off`: a post in this channel for each new recap, besides the daily takeaway. */
async function news(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const wanted = String(args.time ?? "").toLowerCase();
  if ((wanted !== "on" && wanted !== "off") || args.zone !== undefined || args.topic !== undefined) {
    throw new UserError("daily news on posts each new recap here (with its event, author and talks); daily news off stops it.");
  }
  const on = wanted === "on";
  const changed = await options.store().setNews(subscriptionId(ctx), on ? options.clock.now() : undefined);
  if (!changed) throw new UserError("New recaps are posted in channels that get daily takeaways: turn those on first with daily on, then daily news on.");
  const text = on
    ? "Each new recap the bot finds will be posted here once: its title, event, author and talks."
    : "No more posts of new recaps here; the daily takeaway goes on.";
  return { visibility: "public", card: { title: on ? "New recaps are on" : "New recaps are off", body: [{ text: rich(text) }] } };
}

const PREVIEW = "A preview: this is the card a daily post would show.";

/** The card the next daily post would show here (today's sessions on an event's day): this channel's rotation when it is subscribed, the topic given otherwise. */
async function preview(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const takeaways = await options.takeaways();
  const text = [args.time, args.zone, args.topic].filter((value) => value !== undefined).join(" ");
  const settings = readSettings(text, options.topics, takeaways);
  if (!settings.ok) throw new UserError(settings.message);
  const id = subscriptionId(ctx);
  const subscription = await options.store().getSubscription(id);
  const topic = settings.value.topic ?? (text ? undefined : subscription?.topic);
  const zone = text || !subscription ? settings.value.zone : subscription.zone;
  const day = options.eventDay?.(topic, localDate(options.clock.now(), zone));
  if (day) return { visibility: "ephemeral", card: { ...day.card, notice: PREVIEW } };
  const rotation = subscription ? await options.store().rotation(id) : { cycle: 0, postedIds: new Set<string>() };
  const choice = chooseTakeaway(id, rotation, matchingTakeaways(takeaways, topic));
  if (!choice) throw new UserError("There is no takeaway to post yet.");
  const card = dailyCard(choice.takeaway, topic);
  return { visibility: "ephemeral", card: { ...card, notice: PREVIEW } };
}

interface DailySettings {
  time: PostTime;
  zone: string;
  /** The topic's label, as sections are tagged with it. */
  topic?: string;
}

/**
 * Reads `[HH:MM] [Area/City] [topic]` in any order and however a parser split it into slots:
 * "daily on Europe/Paris", "daily on service mesh 08:00", "daily on 09:00 Paris ci/cd". A topic
 * is known by its id or label (case aside); it must have takeaways.
 */
export function readSettings(text: string, topics: readonly Topic[], takeaways: readonly Takeaway[]): Parsed<DailySettings> {
  let time: PostTime | undefined;
  let zone: string | undefined;
  const words: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    if (/^\d/.test(token)) {
      if (time) return { ok: false, message: `Give one time: ${USAGE}` };
      const parsed = parsePostTime(token);
      if (!parsed.ok) return parsed;
      time = parsed.value;
    } else if ((token.includes("/") && !findTopic(token, topics)) || /^(utc|gmt)$/i.test(token)) {
      if (zone) return { ok: false, message: `Give one time zone: ${USAGE}` };
      const parsed = parseZone(token);
      if (!parsed.ok) return parsed;
      zone = parsed.value;
    } else {
      words.push(token);
    }
  }
  // A bare city names a zone ("Paris"), unless it is part of a topic.
  if (!zone && words.length > 0 && !findTopic(words.join(" "), topics)) {
    const index = words.findIndex((word) => zoneForCity(word));
    if (index >= 0) zone = zoneForCity(words.splice(index, 1)[0]!);
  }
  const settings: DailySettings = { time: time ?? DEFAULT_POST_TIME, zone: zone ?? DEFAULT_ZONE };
  if (words.length === 0) return { ok: true, value: settings };

  const wanted = words.join(" ");
  const withTakeaways = takeawayTopics(takeaways);
  const topic = findTopic(wanted, topics);
  if (topic && withTakeaways.includes(topic.label)) return { ok: true, value: { ...settings, topic: topic.label } };
  const offer = `Topics with takeaways: ${withTakeaways.join(", ")}.`;
  if (topic) return { ok: false, message: `No takeaway about ${topic.label} is worth posting yet. ${offer}` };
  return {
    ok: false,
    message: `'${wanted.slice(0, 40)}' is neither a time zone nor a topic. Use an IANA zone such as Europe/Paris, America/New_York or UTC. ${offer}`,
  };
}

const USAGE = "daily on [HH:MM] [Area/City] [topic], like daily on 09:00 Europe/Paris eBPF.";

function findTopic(text: string, topics: readonly Topic[]): Topic | undefined {
  const wanted = text.trim().toLowerCase();
  return topics.find((topic) => topic.id.toLowerCase() === wanted || topic.label.toLowerCase() === wanted);
}

/** Topic labels with at least one postable takeaway, most frequent first. */
export function takeawayTopics(takeaways: readonly Takeaway[]): string[] {
  const counts = new Map<string, number>();
  for (const takeaway of matchingTakeaways(takeaways, undefined)) for (const tag of takeaway.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

async function turnOn(options: DailyCommandsOptions, args: Args, ctx: CommandContext): Promise<Reply> {
  const takeaways = await options.takeaways();
  const text = [args.time, args.zone, args.topic].filter((value) => value !== undefined).join(" ");
  const settings = readSettings(text, options.topics, takeaways);
  if (!settings.ok) throw new UserError(settings.message);
  const { time, zone, topic } = settings.value;

  const now = options.clock.now();
  const subscription = await options.store().saveSubscription({
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
  const next = nextPostTime(time, zone, now, earliestPost(subscription));
  const count = matchingTakeaways(takeaways, topic).length;
  const about = topic ? ` on ${topic}` : "";
  const few = fewTakeaways(count, topic);
  return {
    visibility: "public",
    card: {
      title: "Daily takeaways are on",
      body: [
        {
          text: rich(
            `A KubeCon takeaway${about} will be posted here every day at ${formatPostTime(time)} (${zone}), ` +
              `from ${plural(count, "takeaway")} worth posting, without repeats until all have been posted.`,
          ),
        },
      ],
      ...(few && { notice: few }),
      fields: [{ label: "First post", value: describeInstant(next.at, zone) }],
      footer: "Turn them off with: daily off",
    },
  };
}

async function turnOff(options: DailyCommandsOptions, ctx: CommandContext): Promise<Reply> {
  const now = options.clock.now();
  const turnedOff = await options.store().disableSubscription(subscriptionId(ctx), `turned off by ${ctx.userId}`, now);
  if (!turnedOff) return notice("Daily posts", `This channel gets no daily takeaways. ${turnOnHint(ctx, false)}`);
  return {
    visibility: "public",
    card: {
      title: "Daily takeaways are off",
      body: [{ text: rich(`No more daily takeaways in this channel. ${turnOnHint(ctx, true)}`) }],
    },
  };
}

async function status(options: DailyCommandsOptions, ctx: CommandContext): Promise<Reply> {
  const subscription = await options.store().getSubscription(subscriptionId(ctx));
  if (!subscription) return notice("Daily posts", `This channel gets no daily takeaways. ${turnOnHint(ctx, false)}`);
  if (!subscription.enabled) {
    const when = subscription.disabledAt ? ` since ${describeInstant(subscription.disabledAt, subscription.zone)}` : "";
    return notice("Daily posts", `Daily takeaways are off in this channel${when}: ${subscription.disabledReason ?? "turned off"}. ${turnOnHint(ctx, true)}`);
  }
  return { visibility: "ephemeral", card: await statusCard(options, subscription) };
}

async function statusCard(options: DailyCommandsOptions, subscription: Subscription): Promise<Card> {
  const now = options.clock.now();
  const time = parsePostTime(subscription.postTime);
  const candidates = matchingTakeaways(await options.takeaways(), subscription.topic);
  const rotation = await options.store().rotation(subscription.id);
  const today = localDate(now, subscription.zone);
  const todays = await options.store().getPost(subscription.id, today);
  const fields = [
    { label: "Time", value: `${subscription.postTime} (${subscription.zone})`, inline: true },
    { label: "Topic", value: subscription.topic ?? "all", inline: true },
    { label: "New recaps", value: subscription.newsSince ? "posted here (daily news off stops them)" : "not posted (daily news on)", inline: true },
    { label: "Left before the rotation restarts", value: `${remainingInCycle(rotation, candidates)} of ${plural(candidates.length, "postable takeaway")}`, inline: true },
  ];
  const few = fewTakeaways(candidates.length, subscription.topic);
  if (time.ok) {
    // A record from before the last change (a new zone can meet the same date again) does not count.
    const todayDone = todays !== undefined && todays.status !== "retry" && todays.claimedAt >= subscription.since;
    const next = nextPostTime(time.value, subscription.zone, now, earliestPost(subscription), (date) => date === today && todayDone);
    const due = next.at <= now ? " (due now)" : "";
    fields.unshift({ label: "Next post", value: `${describeInstant(next.at, subscription.zone)}${due}`, inline: false });
  }
  return { title: "Daily takeaways", fields, ...(few && { notice: few }) };
}

/** Under a week of posts: the rotation comes round quickly, and weaker takeaways are never added to fill it. */
const FEW_TAKEAWAYS = 7;

/** What to say when a topic has too few takeaways worth posting, or nothing when it has enough. */
function fewTakeaways(count: number, topic: string | undefined): string | undefined {
  if (count >= FEW_TAKEAWAYS) return undefined;
  const on = topic ? ` on ${topic}` : "";
  if (count === 0) return `No takeaway${on} is worth posting right now, so nothing will be posted until the corpus has one.`;
  const many = count === 1 ? `Only 1 takeaway${on} is` : `Only ${count} takeaways${on} are`;
  return `${many} worth posting, so the rotation restarts every ${count === 1 ? "day" : `${count} days`}; weaker ones are never posted to fill the gap.`;
}

function notice(title: string, message: string): Reply {
  return { visibility: "ephemeral", card: { title, body: [{ text: rich(message) }] } };
}
