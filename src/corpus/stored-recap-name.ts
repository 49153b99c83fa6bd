/** How a stored recap's `file` starts: `stored:<its id in the store>`. */
export const STORED = "stored:";

/**
 * The name a stored recap is served under. In a module of its own, free of the recap parser, so
 * that a one-off command names the store's recaps without loading the parser when the index snapshot has them.
 */
export const storedRecapName = (id: number): string => `${STORED}${id}`;
