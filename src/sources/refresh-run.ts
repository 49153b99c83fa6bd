import { refreshSources, type RefreshContext, type SourceReport } from "./refresh.js";

/** The lease that lets one replica (or one `kubecon refresh`) refresh the sources at a time. */
export const REFRESH_LEASE = "source-refresh";

/**
 * How long the lease holds without renewal: it is renewed before each source, so a refresh keeps
 * it as long as it runs, and a replica that dies mid-refresh leaves it to another within this time.
 */
const LEASE_MS = 30 * 60_000;

/**
 * Refreshes the sources while holding the lease (due ones, or all); `undefined` when another
 * holder has it. `keepGoing` is asked before each source (a stopping scheduler says no). A dry run
 * needs no lease: it writes nothing.
 */
export async function refreshUnderLease(ctx: RefreshContext, holder: string, options: { all?: boolean; keepGoing?: () => boolean } = {}): Promise<SourceReport[] | undefined> {
  if (ctx.dryRun) return refreshSources(ctx, { all: options.all });
  const hold = () => ctx.store.tryLease(REFRESH_LEASE, holder, ctx.now(), LEASE_MS);
  if (!(await hold())) return undefined;
  try {
    return await refreshSources(ctx, { all: options.all, keepGoing: async () => (options.keepGoing?.() ?? true) && (await hold()) });
  } finally {
    await ctx.store.releaseLease(REFRESH_LEASE, holder);
  }
}
