import type { Config } from "../config/config.js";
import type { LoadedBot } from "../commands/create-bot.js";
import { recapsByOrigin, type RecapText } from "../corpus/stored-recaps.js";
import type { ProgrammeSession } from "../programme/session.js";
import { systemClock } from "../daily/clock.js";
import { NewsPoster } from "../daily/news.js";
import { eventDayPost } from "../daily/event-day.js";
import { DailyScheduler } from "../daily/scheduler.js";
import { InFlight } from "../health/in-flight.js";
import { Liveness } from "../health/liveness.js";
import { Readiness } from "../health/readiness.js";
import { handleShutdown } from "../health/shutdown.js";
import { HttpHost } from "../http/server.js";
import type { Logger } from "../log/logger.js";
import { measuredBot, measuredPoster, measureSearches } from "../metrics/instrument.js";
import { Metrics } from "../metrics/metrics.js";
import { METRICS_PATH, METRICS_ROUTE, metricsRoute } from "../metrics/route.js";
import type { DailyStore } from "../store/daily-store.js";
import type { FeedbackStore } from "../store/feedback-store.js";
import type { RecapStore } from "../store/recap-store.js";
import { plural } from "../text/plural.js";
import type { RefreshContext } from "../sources/refresh.js";
import { RefreshScheduler } from "../sources/refresh-scheduler.js";
import { NO_SECTION, requireSections } from "./empty-corpus.js";
import { ReloadableBot } from "./reloadable-bot.js";
import { StoredRecaps } from "./stored-recaps.js";
import type { WantedAdapter } from "./settings.js";
import { startAdapters, type StartedAdapters } from "./start-adapters.js";
import { listenExplained } from "./start-failure.js";

export interface ServiceOptions {
  config: Config;
  wanted: readonly WantedAdapter[];
  logger: Logger;
  store: DailyStore;
  /**
   * Builds the bot from the corpus folder and the stored recaps, its index in a worker thread: at
   * start, at every SIGHUP, and whenever the stored recaps move.
   */
  load: (stored: readonly RecapText[], programme: readonly ProgrammeSession[]) => Promise<LoadedBot>;
  /** The votes `load`'s bot records: counted in `/metrics`, closed last. */
  feedback: FeedbackStore;
  /** The recaps served beside the folder's, followed for changes; closed last. */
  recapStore: RecapStore;
  /** What refreshes the sources on the schedule (REFRESH_INTERVAL), one replica at a time. */
  sources: RefreshContext;
}


/** Requests in flight at SIGTERM get this long to finish, inside the 10 s the process allows itself. */
const DRAIN_MS = 8_000;

/**
 * The bot as a service: the HTTP server first (so `/healthz` answers and `/readyz` says what is
 * still starting), then the corpus, the adapters, the daily scheduler and the sources' refresh; `/metrics`; SIGHUP
 * reloads the corpus; SIGTERM drains and exits (see `handleShutdown`).
 */
export async function runService({ config, wanted, logger, store, load, feedback, recapStore, sources }: ServiceOptions): Promise<void> {
  const readiness = new Readiness();
  const liveness = new Liveness();
  let bot: ReloadableBot | undefined;
  // A reload can empty the corpus too: read at each probe.
  readiness.register("corpus", () => (!bot ? "indexing" : bot.data.corpus.sections.length === 0 ? NO_SECTION : undefined));
  readiness.count("sections", () => bot?.data.corpus.sections.length ?? 0);
  readiness.register("store", async () => {
    const health = await store.health();
    return health.ok ? undefined : health.reason;
  });
  let started: StartedAdapters | undefined;
  for (const { adapter } of wanted) {
    readiness.register(adapter.name, () => {
      const running = started?.running.get(adapter.name);
      return running ? (running.ready() ? undefined : "not connected") : "starting";
    });
  }

  // Registered first, so a SIGHUP during start-up does not end the process (its default action).
  process.on("SIGHUP", () => (bot ? void bot.reload() : logger.warn("SIGHUP before the corpus was loaded: ignored")));
  const metrics = new Metrics({
    subscriptions: async () => {
      const counts: Record<string, number> = {};
      for (const { platform } of await store.enabledSubscriptions()) counts[platform] = (counts[platform] ?? 0) + 1;
      return counts;
    },
    sections: () => bot?.data.corpus.sections.length ?? 0,
    recaps: () => (bot ? recapsByOrigin(bot.data.corpus) : {}),
    votes: () => feedback.counts(),
  }, logger);
  const http = new HttpHost(logger, { readiness, liveness });
  const metricsHost = config.metricsPort && config.metricsPort !== config.port ? new HttpHost(logger, { readiness, liveness }) : http;
  metricsHost.mount(METRICS_PATH, metricsRoute(metrics, logger), METRICS_ROUTE);
  await listenExplained((port) => http.listen(port), config.port, "PORT");
  if (metricsHost !== http) await listenExplained((port) => metricsHost.listen(port), config.metricsPort!, "METRICS_PORT");

  const stored = new StoredRecaps(recapStore, logger);
  await stored.ready();
  const loadAll = async () => load(await stored.read(), stored.programme);
  const reloadable = new ReloadableBot(requireSections(await loadAll(), config), loadAll, logger, (loaded) => measureSearches(loaded.data.engine, metrics));
  bot = reloadable;
  const { recaps, sections } = reloadable.data.corpus;
  const sessions = sections.filter((section) => section.kind === "programme").length;
  logger.info(
    { recaps: recaps.length, sections: sections.length, programmeSessions: sessions },
    `corpus: ${plural(recaps.length, "recap")}, ${plural(sections.length - sessions, "talk")}${sessions ? `, ${plural(sessions, "programme session")}` : ""}`,
  );
  const stopFollowing = stored.follow((why) => void reloadable.reload(why), config.recapCheckMs);
  liveness.start();
  const inFlight = new InFlight();
  started = await startAdapters(wanted, { bot: inFlight.track(measuredBot(reloadable, metrics, logger)), logger, http, store });
  const posters = Object.fromEntries(Object.entries(started.posters).map(([name, poster]) => [name, measuredPoster(name, poster, metrics)]));
  // A tick claims rows: it waits for the store to have connected and migrated (PostgreSQL may still be coming up).
  await store.ready();
  const scheduler = new DailyScheduler({
    store,
    takeaways: () => reloadable.data.takeaways(),
    eventDay: (topic, date) => eventDayPost(reloadable.data, topic, date),
    posters,
    clock: systemClock,
    logger,
    onLateResend: (platform) => metrics.lateResends.inc({ platform }),
  }).start();
  // "New recap" posts go through the platforms' posters as they are: kubecon_daily_posts_total counts the daily takeaways only.
  const news = new NewsPoster({ store, recaps: recapStore, posters: started.posters, topics: reloadable.data.topics, clock: systemClock, logger }).start();
  const refresher = new RefreshScheduler({ ...sources, onResult: (source, result) => metrics.sourceRefreshes.inc({ source: source.url, result }) }).start();

  const running = started;
  handleShutdown({
    logger,
    readiness,
    steps: [
      // Stop taking work and let what runs finish, all at once: posts, requests, commands.
      async () => void (await Promise.all([scheduler.stop(), news.stop(), refresher.stop(), stopFollowing(), http.close(DRAIN_MS), metricsHost === http ? undefined : metricsHost.close(), inFlight.idle()])),
      () => running.stop(),
      () => store.close(),
      () => feedback.close(),
      () => recapStore.close(),
    ],
  });
  // The last start line: once it is written, SIGTERM and SIGINT are handled.
  const subscriptions = (await store.enabledSubscriptions()).filter((subscription) => subscription.platform in posters).length;
  logger.info({ subscriptions, platforms: Object.keys(posters) }, `daily scheduler on, ${plural(subscriptions, "subscription")}`);
}
