import { textOf, type Env } from "./env.js";

/** Shorter values are not redacted: a secret that short is no secret, and redacting it would cut words. */
const MIN_SECRET_LENGTH = 6;

/**
 * The secret values the environment holds under `names`, as they could appear in a log line: a
 * URL's password (encoded as in the URL, and decoded), the rest whole.
 */
export function secretValues(env: Env, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const value = textOf(env, name);
    if (!value) return [];
    const password = passwordOf(value);
    const forms = password === undefined ? [value] : [password, decodeURIComponent(password)];
    return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
  });
}

function passwordOf(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).password || undefined;
  } catch {
    return undefined;
  }
}
