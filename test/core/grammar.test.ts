import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { cleanText, formatCommand, parseArgs, splitWords } from "../../src/commands/grammar.js";
import type { CommandSpec } from "../../src/commands/spec.js";
import { UserError } from "../../src/commands/user-error.js";
import { shippedBot } from "./helpers.js";

let bot: LoadedBot;
let search: CommandSpec;
beforeAll(async () => {
  bot = await shippedBot();
  search = bot.commands.find((c) => c.name === "search")!;
});

const parse = (spec: CommandSpec, text: string) => parseArgs(spec, splitWords(cleanText(text)));

describe("splitWords", () => {
  it("reads plain words, quoted words and name:value pairs, straight or curly quoted", () => {
    expect(splitWords(`service mesh year:2022 speaker:"Liz Rice" “two words” Lang:fr`)).toEqual([
      { value: "service" },
      { value: "mesh" },
      { name: "year", value: "2022" },
      { name: "speaker", value: "Liz Rice" },
      { value: "two words" },
      { name: "lang", value: "fr" },
    ]);
    expect(splitWords(`speaker:“Lorenzo Fontana”`)).toEqual([{ name: "speaker", value: "Lorenzo Fontana" }]);
  });

  it("reads a time as a plain word (only letters name an argument)", () => {
    expect(splitWords("09:00 Europe/Paris")).toEqual([{ value: "09:00" }, { value: "Europe/Paris" }]);
  });
});

describe("cleanText", () => {
  it("turns control characters into spaces and removes zero-width and bidi marks", () => {
    expect(cleanText("\u0007search\u0000\tebpf\u200b\u202e\r\nyear:2022\ufeff ")).toBe("search ebpf year:2022");
  });
});

describe("parseArgs", () => {
  it("gives the rest of the text to the query and reads filters wherever they stand", () => {
    expect(parse(search, "year:2022 service mesh lang:fr")).toEqual({ year: 2022, lang: "fr", query: "service mesh" });
  });

  it("treats an unknown name:value as part of the query, a URL included", () => {
    expect(parse(search, "ebpf color:red")).toEqual({ query: "ebpf color:red" });
    expect(parse(search, "see https://example.org year:2020")).toEqual({ query: "see https://example.org", year: 2020 });
  });

  it.each([
    ["year:2013", /`year` must be a whole number from 2014 to 2100, not “2013”/],
    ["year:2101", /from 2014 to 2100/],
    ["year:20x", /not “20x”/],
    ["year:2022.5", /whole number/],
    ["page:0", /`page` must be a whole number from 1 to 1000/],
    ["page:1001", /from 1 to 1000/],
  ])("refuses an integer out of bounds or not whole: %s", (filter, message) => {
    expect(() => parse(search, `ebpf ${filter}`)).toThrow(UserError);
    expect(() => parse(search, `ebpf ${filter}`)).toThrow(message);
  });

  it("accepts integers at the bounds", () => {
    expect(parse(search, "ebpf year:2014 page:1000")).toMatchObject({ year: 2014, page: 1000 });
    expect(parse(search, "ebpf year:2100 page:1")).toMatchObject({ year: 2100, page: 1 });
  });

  it("accepts a choice in any case and gives it as declared; refuses others listing the choices", () => {
    expect(parse(search, "ebpf lang:FR")).toMatchObject({ lang: "fr" });
    expect(() => parse(search, "ebpf lang:de")).toThrow("`lang` must be one of en, fr, not “de”.");
  });

  it("refuses a value over its maximum length", () => {
    expect(() => parse(search, `ebpf speaker:"${"a".repeat(81)}"`)).toThrow(/`speaker` is too long \(81 characters; at most 80\)/);
  });

  it("asks for a required argument with an example", () => {
    const talk = bot.commands.find((c) => c.name === "talk")!;
    expect(() => parse(talk, "")).toThrow("`talk` needs a section id (from a search result's details). Try `talk eu-2021-homecooked--the-art-of-hiding-yourself`.");
  });

  it("refuses text given to a command that takes none", () => {
    const events = bot.commands.find((c) => c.name === "events")!;
    expect(() => parse(events, "please")).toThrow("`events` takes no text. Try `events`.");
  });

  it("refuses extra words after the last positional argument", () => {
    const event = bot.commands.find((c) => c.name === "event")!;
    expect(parse(event, "eu-2018")).toEqual({ id: "eu-2018" });
    expect(() => parse(event, "eu-2018 now")).toThrow("`event` does not take “now”.");
  });
});

describe("formatCommand", () => {
  it("writes canonical text: name, positional text, then filters in declaration order, quoted when spaced", () => {
    expect(formatCommand(search, { page: 2, speaker: "Liz Rice", query: "service mesh", year: 2022 })).toBe(
      `search service mesh year:2022 speaker:"Liz Rice" page:2`,
    );
    expect(formatCommand(search, { query: "ebpf", event: undefined, lang: "" })).toBe("search ebpf");
  });

  // A query is words; it may not itself look like a filter (`x:y`) or carry quotes, which the grammar reads.
  const word = fc.stringMatching(/^[\p{L}\p{N}][\p{L}\p{N}'’.+#/-]{0,11}$/u);
  const query = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(" "));
  const value = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
  const searchArgs = fc.record(
    {
      query,
      year: fc.integer({ min: 2014, max: 2100 }),
      event: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      lang: fc.constantFrom("en", "fr"),
      speaker: value.filter((v) => v.length <= 80),
      page: fc.integer({ min: 1, max: 1000 }),
    },
    { requiredKeys: ["query"] },
  );

  it("round-trips: parsing the formatted text gives the same arguments", () => {
    fc.assert(
      fc.property(searchArgs, (args) => {
        const text = formatCommand(search, args);
        const [name, ...rest] = splitWords(cleanText(text));
        expect(name).toEqual({ value: "search" });
        expect(parseArgs(search, rest)).toEqual(args);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a query word that looks like a filter as text (a Discord query option of `year:2020`)", () => {
    const text = formatCommand(search, { query: "kubernetes year:2020 release" });
    expect(parseArgs(search, splitWords(cleanText(text)).slice(1))).toEqual({ query: "kubernetes year:2020 release" });
    expect(formatCommand(search, { query: "note:this stays" })).toBe("search note:this stays");
  });

  it("round-trips through the bot: the formatted command answers like the structured one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("ebpf", "service mesh", "gitops", "operators"), fc.constantFrom(2020, 2021, 2022), async (q, year) => {
        const text = formatCommand(search, { query: q, year });
        const reply = await bot.run(text, { platform: "test", userId: "u", channelId: "c", can: { manageChannel: true, channelPosts: true } });
        const direct = bot.data.engine.search(q, { year }, { offset: 0, limit: 5 });
        if (direct.total === 0) expect(reply.card.items).toBeUndefined();
        else expect(reply.card.items?.map((i) => i.title)).toEqual(direct.hits.map((h) => h.section.title));
      }),
      { numRuns: 12 },
    );
  });
});
