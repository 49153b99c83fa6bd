import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeButton, encodeButtons, type ButtonState } from "../../adapters/discord/custom-id.js";

describe("button custom ids", () => {
  it("keeps a short command in the id itself", () => {
    const ids = encodeButtons([{ effect: "update", command: "search ebpf page:2" }]);
    expect(ids).toEqual(["p:search ebpf page:2"]);
    expect(decodeButton(ids[0]!, ids as string[])).toEqual({ effect: "update", command: "search ebpf page:2" });
  });

  it("spreads long commands over the message's ids and recovers them", () => {
    const query = "how do platform teams roll out extended berkeley packet filter observability across clusters";
    const states: ButtonState[] = [
      { effect: "update", command: `search ${query} year:2022 page:1` },
      { effect: "update", command: `search ${query} year:2022 page:3` },
      { effect: "reply", command: "talk eu-2022-jour-3#4" },
      { effect: "share", command: `search ${query} year:2022 page:2` },
    ];
    const ids = encodeButtons(states);
    for (const id of ids) expect(id!.length).toBeLessThanOrEqual(100);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, i) => expect(decodeButton(id!, ids as string[])).toEqual(states[i]));
  });

  it("gives no id to a command the message cannot hold", () => {
    // Words that do not compress: a long query the store cannot hold in one id.
    const huge = "search " + Array.from({ length: 200 }, (_, i) => ((i * 7919) % 9973).toString(36)).join(" ");
    expect(encodeButtons([{ effect: "share", command: huge }, { effect: "reply", command: "help" }])).toEqual([
      undefined,
      "d:help",
    ]);
  });

  it("does not recognise ids that are not ours", () => {
    expect(decodeButton("something-else", [])).toBeUndefined();
    expect(decodeButton("p#0.0:not-base64!", ["p#0.0:not-base64!"])).toBeUndefined();
  });

  it("round-trips any set of commands that it encodes", () => {
    const state = fc.record({
      effect: fc.constantFrom("update" as const, "reply" as const, "share" as const),
      command: fc.string({ unit: "grapheme", maxLength: 160 }),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 8 }), (states) => {
        const ids = encodeButtons(states);
        const present = ids.filter((id): id is string => id !== undefined);
        ids.forEach((id, i) => {
          if (id === undefined) return;
          expect(id.length).toBeGreaterThan(0);
          expect(id.length).toBeLessThanOrEqual(100);
          expect(decodeButton(id, present)).toEqual(states[i]);
        });
      }),
    );
  });
});
