import { deflateRawSync, inflateRawSync } from "node:zlib";
import { DISCORD_LIMITS } from "./limits.js";

/**
 * Button state lives in the message, never in process memory, so any replica can answer a press.
 * What a button does is its `custom_id`: an effect letter and the command text (`p:search ebpf page:2`).
 * When a command is too long for the 100 characters, the message's commands are kept compressed
 * and split over the custom ids of all its buttons; a press reassembles them from the components
 * Discord sends back with the interaction.
 */

/** What pressing the button does with the answer to its command. */
export type ButtonEffect =
  /** Replace the message in place (paging). */
  | "update"
  /** Answer with a new message, visible as the answer says (details of one result). */
  | "reply"
  /** Post the answer publicly in the channel. */
  | "share";

export interface ButtonState {
  effect: ButtonEffect;
  command: string;
}

const letters: Record<ButtonEffect, string> = { update: "p", reply: "d", share: "s" };
const effects: Record<string, ButtonEffect> = { p: "update", d: "reply", s: "share" };

// `p:<command>` when every command fits; else `p#<k>.<j>:<piece j of the store>` to run command k.
const direct = /^([pds]):([\s\S]*)$/;
const stored = /^([pds])#(\d+)\.(\d+):([\s\S]*)$/;

/**
 * Custom ids for a message's buttons, in order. When a command is too long for its id, every
 * command of the message goes into the store and every button carries a piece of it. A button
 * whose command cannot be kept even so gets `undefined`: render the message without it.
 */
export function encodeButtons(states: readonly ButtonState[]): (string | undefined)[] {
  const ids = states.map(({ effect, command }) => `${letters[effect]}:${command}`);
  const fits = (id: string) => id.length <= DISCORD_LIMITS.customId;
  if (ids.every(fits)) return ids;

  const commands = [...new Set(states.map((state) => state.command))];
  const store = deflateRawSync(JSON.stringify(commands)).toString("base64url");
  const headers = states.map((state, j) => `${letters[state.effect]}#${commands.indexOf(state.command)}.${j}:`);
  const room = headers.map((header) => DISCORD_LIMITS.customId - header.length);
  if (room.reduce((a, b) => a + b, 0) < store.length) return ids.map((id) => (fits(id) ? id : undefined));
  let offset = 0;
  return headers.map((header, j) => {
    const chunk = store.slice(offset, offset + room[j]!);
    offset += room[j]!;
    return header + chunk;
  });
}

/**
 * The state of a pressed button: from its own id, or from the store spread over `messageIds` (every
 * custom id of the message the button is on). `undefined` when the id is not one of ours.
 */
export function decodeButton(customId: string, messageIds: readonly string[]): ButtonState | undefined {
  const plain = direct.exec(customId);
  if (plain) return { effect: effects[plain[1]!]!, command: plain[2]! };
  const long = stored.exec(customId);
  if (!long) return undefined;
  const chunks = messageIds
    .map((id) => stored.exec(id))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[3]) - Number(b[3]))
    .map((match) => match[4]!);
  try {
    const commands: unknown = JSON.parse(inflateRawSync(Buffer.from(chunks.join(""), "base64url")).toString("utf8"));
    const command = Array.isArray(commands) ? commands[Number(long[2])] : undefined;
    return typeof command === "string" ? { effect: effects[long[1]!]!, command } : undefined;
  } catch {
    return undefined;
  }
}
