import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commandDefinition,
  commandText,
  findSubcommand,
  mayRun,
  specForText,
} from "../../adapters/discord/commands.js";
import { corpusBot, type CorpusBot } from "./fixture.js";
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, integerOption, stringOption } from "./payloads.js";

let corpus: CorpusBot;
beforeAll(async () => {
  corpus = await corpusBot();
});
afterAll(async () => {
  await corpus?.close();
});

describe("/kubecon definition", () => {
  it("has one subcommand per registry command, with typed options, choices and autocomplete", () => {
    const definition = commandDefinition(corpus.bot.commands) as any;
    expect(definition.name).toBe("kubecon");
    expect(definition.type).toBe(1);
    // Manage Channels is checked per use: Discord sets default permissions on the whole command only.
    expect(definition.default_member_permissions).toBeUndefined();
    expect(definition.options.map((o: any) => o.name)).toEqual(corpus.bot.commands.map((c) => c.name));

    const search = definition.options.find((o: any) => o.name === "search");
    expect(search.type).toBe(1);
    const byName = Object.fromEntries(search.options.map((o: any) => [o.name, o]));
    expect(byName.query).toMatchObject({ type: 3, required: true, autocomplete: true, max_length: 200 });
    expect(byName.event).toMatchObject({ type: 3, required: false, autocomplete: true });
    expect(byName.year).toMatchObject({ type: 4, required: false, min_value: 2014, max_value: 2100 });
    expect(byName.lang.choices).toEqual([
      { name: "en", value: "en" },
      { name: "fr", value: "fr" },
    ]);
    expect(byName.lang.autocomplete).toBeUndefined();
  });

  it("stays within Discord's limits for names, descriptions, option order and total size", () => {
    const definition = commandDefinition(corpus.bot.commands) as any;
    let characters = definition.name.length + definition.description.length;
    for (const sub of definition.options) {
      expect(sub.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      expect(sub.options.length).toBeLessThanOrEqual(25);
      characters += sub.name.length + sub.description.length;
      const required = sub.options.map((o: any) => o.required);
      expect(required).toEqual([...required].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      for (const option of sub.options) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        characters += option.name.length + option.description.length;
        for (const choice of option.choices ?? []) characters += choice.name.length + String(choice.value).length;
      }
    }
    expect(characters).toBeLessThanOrEqual(8000);
  });

  it("refuses a command name Discord would reject", () => {
    const [search] = corpus.bot.commands;
    expect(() => commandDefinition([{ ...search!, name: "Search Talks" }])).toThrow(/not a valid Discord command name/);
  });
});

describe("options to command text", () => {
  it("writes the canonical command the core parses", () => {
    const invocation = findSubcommand(corpus.bot.commands, "search", [
      stringOption("query", "service mesh"),
      integerOption("year", 2022),
      stringOption("speaker", "Liz Rice"),
    ]);
    expect(commandText(invocation!)).toBe('search service mesh year:2022 speaker:"Liz Rice"');
  });

  it("finds the command a button runs by its first word or alias", () => {
    expect(specForText(corpus.bot.commands, "daily off")?.name).toBe("daily");
    expect(specForText(corpus.bot.commands, "find ebpf")?.name).toBe("search");
    expect(specForText(corpus.bot.commands, "ebpf")).toBeUndefined();
  });
});

describe("Manage Channels", () => {
  const commands = () => corpus.bot.commands;

  it("is needed to turn daily posts on or off, and only for that", () => {
    expect(mayRun(commands(), "daily on 09:00", MEMBER_PERMISSIONS)).toBe(false);
    expect(mayRun(commands(), "daily off", MEMBER_PERMISSIONS)).toBe(false);
    expect(mayRun(commands(), "daily on", MANAGER_PERMISSIONS)).toBe(true);
    expect(mayRun(commands(), "daily on", String(1n << 3n))).toBe(true);
    expect(mayRun(commands(), "daily on", undefined)).toBe(false);
    expect(mayRun(commands(), "daily status", MEMBER_PERMISSIONS)).toBe(true);
    expect(mayRun(commands(), "search ebpf", MEMBER_PERMISSIONS)).toBe(true);
  });
});
