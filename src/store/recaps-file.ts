/**
 * The recap store's SQLite file in DATA_DIR: its own file beside the daily store's, so neither's
 * migrations can trip over the other's. Named in a module of its own so that a one-off command sees
 * whether it exists without loading SQLite.
 */
export const RECAPS_FILE = "recaps.db";
