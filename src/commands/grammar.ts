import { lacking, type Capabilities } from "./context.js";
import type { Args, ArgSpec, CommandSpec } from "./spec.js";
import { UserError } from "./user-error.js";

/** Longest command text accepted; longer input is refused with a message, not truncated silently. */
export const MAX_COMMAND_LENGTH = 500;

interface Word {
  /** Set for `name:value`. */
  name?: string;
  value: string;
}

/** Control characters become spaces; zero-width and bidi controls go. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits command text into words; `"quoted words"` stay together, `name:value` is read as a named argument. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/([\p{L}_]+):(?:"([^"]*)"|“([^”]*)”|(\S+))|"([^"]*)"|“([^”]*)”|(\S+)/gu)) {
    if (m[1] !== undefined) words.push({ name: m[1].toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? "" });
    else words.push({ value: m[5] ?? m[6] ?? m[7] ?? "" });
  }
  return words;
}

function quote(value: string): string {
  return /\s/.test(value) || value === "" ? `"${value.replace(/"/g, "'")}"` : value;
}

/** Whether these arguments of a command work in a place with these capabilities (anywhere, when the place is not known). */
const worksIn = (can: Capabilities | undefined, spec: CommandSpec, args: Args): boolean => !can || !lacking(can, spec.needs?.(args));

/** "Try `daily preview`.": the first example of the command that works where the answer is shown. */
function usage(spec: CommandSpec, can: Capabilities | undefined): string {
  const example = spec.examples.find((text) => worksIn(can, spec, parseArgs(spec, splitWords(text).slice(1))));
  return `Try \`${example ?? spec.name}\`.`;
}

/** The choices of an argument that work where the answer is shown, given the arguments read so far. */
function choicesIn(can: Capabilities | undefined, spec: CommandSpec, arg: ArgSpec, args: Args): readonly string[] {
  const choices = arg.choices ?? [];
  const working = choices.filter((choice) => worksIn(can, spec, { ...args, [arg.name]: choice }));
  return working.length ? working : choices;
}

const orList = (words: readonly string[]): string => (words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? ""));

function valueOf(spec: CommandSpec, arg: ArgSpec, raw: string, args: Args, can: Capabilities | undefined): string | number {
  if (arg.type === "integer") {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || (arg.min !== undefined && n < arg.min) || (arg.max !== undefined && n > arg.max)) {
      const range = arg.min !== undefined && arg.max !== undefined ? ` from ${arg.min} to ${arg.max}` : "";
      throw new UserError(`\`${arg.name}\` must be a whole number${range}, not “${raw.slice(0, 40)}”. ${usage(spec, can)}`);
    }
    return n;
  }
  if (arg.choices) {
    const choice = arg.choices.find((c) => c.toLowerCase() === raw.toLowerCase());
    if (!choice) throw new UserError(`\`${arg.name}\` must be one of ${choicesIn(can, spec, arg, args).join(", ")}, not “${raw.slice(0, 40)}”.`);
    return choice;
  }
  if (arg.maxLength !== undefined && raw.length > arg.maxLength) {
    throw new UserError(`\`${arg.name}\` is too long (${raw.length} characters; at most ${arg.maxLength}).`);
  }
  return raw;
}

/**
 * Reads the arguments of one command from the words after its name. A mistake's message suggests
 * only choices and examples that work in a place with `can` (every one when it is not given).
 */
export function parseArgs(spec: CommandSpec, words: readonly Word[], can?: Capabilities): Args {
  const args: Args = {};
  const positional = spec.args.filter((a) => a.positional);
  const loose: string[] = [];
  for (const word of words) {
    const named = word.name !== undefined ? spec.args.find((a) => !a.positional && a.name === word.name) : undefined;
    if (named) args[named.name] = valueOf(spec, named, word.value, args, can);
    else loose.push(word.name !== undefined ? `${word.name}:${word.value}` : word.value);
  }
  positional.forEach((arg, i) => {
    const taken = arg.rest ? loose.splice(0).join(" ") : loose.shift();
    if (taken !== undefined && taken !== "") args[arg.name] = valueOf(spec, arg, taken, args, can);
    else if (arg.required) {
      const wanted = arg.choices ? orList(choicesIn(can, spec, arg, args)) : arg.description.toLowerCase();
      throw new UserError(`\`${spec.name}\` needs ${wanted}. ${usage(spec, can)}`);
    }
    if (i === positional.length - 1 && loose.length) {
      throw new UserError(`\`${spec.name}\` does not take “${loose.join(" ").slice(0, 60)}”. ${usage(spec, can)}`);
    }
  });
  if (positional.length === 0 && loose.length) {
    throw new UserError(`\`${spec.name}\` takes no text. ${usage(spec, can)}`);
  }
  return args;
}

/** Words of free text that would read as a named argument (`year:2020`) are quoted, so they stay text. */
function protectNames(spec: CommandSpec, text: string): string {
  const names = new Set(spec.args.filter((a) => !a.positional).map((a) => a.name));
  return text
    .split(" ")
    .map((word) => {
      const name = /^([\p{L}_]+):/u.exec(word)?.[1]?.toLowerCase();
      return name !== undefined && names.has(name) ? `"${word.replace(/"/g, "'")}"` : word;
    })
    .join(" ");
}

/** Canonical command text for structured arguments: `search ebpf year:2022`. Parsing it gives the same arguments. */
export function formatCommand(spec: CommandSpec, args: Args): string {
  const parts = [spec.name];
  for (const arg of spec.args) {
    const value = args[arg.name];
    if (value === undefined || value === "") continue;
    const text = String(value);
    if (arg.positional) parts.push(arg.rest ? protectNames(spec, text) : quote(text));
    else parts.push(`${arg.name}:${quote(text)}`);
  }
  return parts.join(" ");
}
