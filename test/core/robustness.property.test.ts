import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { CONTEXT, memoryLogger } from "./helpers.js";
import { loadBot } from "../../src/app/load-bot.js";

/** Text a chat user can paste: emoji, control and zero-width characters, regex and grammar characters, other scripts. */
const nasty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.array(
    fc.constantFrom("(", ")", "[", "]", "*", "+", "?", "\\", "^", "$", "|", ".", "{2,}", ":", "\"", "“", "”", "'", "-", "_", "year:", "page:", "speaker:", "event:", "lang:", "k8s", "ebpf", "sécurité", "🚀", "👩‍💻", "\u0000", "\u0007", "\u200b", "\u202e", "\ufeff", "\t", "\n", "\r", " ", "クラウド", "مرحبا", "̈"),
    { maxLength: 40 },
  ).map((parts) => parts.join("")),
);
const huge = fc.constantFrom("a", "ebpf ", "🚀", "(", "\u0000", "é").map((unit) => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000));

let bot: LoadedBot;
let errorLines: () => string[];
beforeAll(async () => {
  const log = memoryLogger();
  bot = await loadBot({ logger: log.logger, random: () => 0.5 });
  errorLines = () => log.lines().filter((line) => JSON.parse(line).level >= 50);
});

describe("any input", () => {
  it("never makes engine.search throw, and its answer is consistent", () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: nasty, weight: 9 }, { arbitrary: huge, weight: 1 }), fc.nat({ max: 200 }), (query, offset) => {
        const answer = bot.data.engine.search(query, {}, { offset, limit: 5 });
        expect(answer.hits.length).toBeLessThanOrEqual(5);
        expect(answer.hits.length).toBeLessThanOrEqual(Math.max(0, answer.total - offset));
        if (answer.empty) expect(answer.total).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("gets a reply from bot.run, in any command position, without an internal error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("", "search ", "talk ", "event ", "events ", "help ", "s "), fc.oneof({ arbitrary: nasty, weight: 9 }, { arbitrary: huge, weight: 1 }), async (command, text) => {
        const reply = await bot.run(`${command}${text}`, CONTEXT);
        expect(reply.card.title.length).toBeGreaterThan(0);
        expect(["ephemeral", "public"]).toContain(reply.visibility);
        // User mistakes are answered as such; "something went wrong on our side" would mean a bug.
        expect(reply.card.notice ?? "").not.toContain("went wrong on our side");
      }),
      { numRuns: 300 },
    );
    expect(errorLines()).toEqual([]);
  });
});
