import type { z } from "zod";

/** The environment as the process sees it, `.env` included. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One part of the configuration as read: its value, or every problem found, each one line in our words. */
export type ConfigRead<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** How to read one variable, and what to say when it is wrong. */
export interface Variable<T> {
  schema: z.ZodType<T>;
  /** Finishes "NAME ...": `must be a number from 1 to 65535`. */
  problem: string;
}

export type Values<V extends Record<string, Variable<unknown>>> = { [K in keyof V]?: V[K] extends Variable<infer T> ? T : never };

/** The text of a variable, or undefined when it is unset or blank: an empty variable counts as unset. */
export function textOf(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads every variable of a set: the values of those set and right, and one problem for each set
 * but wrong (values are never echoed: they may be secrets).
 */
export function readVariables<V extends Record<string, Variable<unknown>>>(env: Env, variables: V): { values: Values<V>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(variables)) {
    const text = textOf(env, name);
    if (text === undefined) continue;
    const parsed = variable.schema.safeParse(text);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name} ${variable.problem}`);
  }
  return { values: values as Values<V>, problems };
}

/** A required variable left unset: `NAME is not set: <what to set it to>`. */
export const unset = (name: string, hint: string): string => `${name} is not set: ${hint}`;
