import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  capabilities,
  commandDefinition,
  commandDefinitions,
  commandText,
  findSubcommand,
  messageText,
} from "../../adapters/discord/commands.js";
import { FRENCH } from "../../adapters/discord/french.js";
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
    expect(definition.options.map((o: any) => o.name)).toEqual(corpus.bot.commands.filter((c) => !c.hidden).map((c) => c.name));

    const search = definition.options.find((o: any) => o.name === "search");
    expect(search.type).toBe(1);
    const byName = Object.fromEntries(search.options.map((o: any) => [o.name, o]));
    expect(byName.query).toMatchObject({ type: 3, required: false, autocomplete: true, max_length: 200 });
    // Optional, as in the grammar: `search event:eu-2018` alone lists that event.
    expect(byName.event).toMatchObject({ type: 3, required: false, autocomplete: true });
    expect(byName.year).toMatchObject({ type: 4, required: false, min_value: 2014, max_value: 2100 });
    expect(byName.lang.choices).toEqual([
      { name: "en", value: "en", name_localizations: { fr: "anglais" } },
      { name: "fr", value: "fr", name_localizations: { fr: "français" } },
    ]);
    expect(byName.lang.autocomplete).toBeUndefined();
  });

  it("stays within Discord's limits for names, descriptions, option order and total size", () => {
    const definition = commandDefinition(corpus.bot.commands) as any;
    // With localizations, Discord counts the longest of each field.
    const longest = (object: any, field: "name" | "description") =>
      Math.max(object[field].length, ...Object.values<string>(object[`${field}_localizations`] ?? {}).map((text) => text.length));
    let characters = longest(definition, "name") + longest(definition, "description");
    for (const sub of definition.options) {
      expect(sub.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      expect(sub.options.length).toBeLessThanOrEqual(25);
      characters += longest(sub, "name") + longest(sub, "description");
      const required = sub.options.map((o: any) => o.required);
      expect(required).toEqual([...required].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      for (const option of sub.options) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        characters += longest(option, "name") + longest(option, "description");
        for (const choice of option.choices ?? []) characters += longest(choice, "name") + String(choice.value).length;
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
});

describe("what a member may do, as the core's capabilities", () => {
  it("manages the channel with Manage Channels or Administrator, not otherwise", () => {
    expect(capabilities({ permissions: MANAGER_PERMISSIONS, botInServer: true })).toMatchObject({ manageChannel: true, channelPosts: true });
    expect(capabilities({ permissions: String(1n << 3n), botInServer: true }).manageChannel).toBe(true);
    expect(capabilities({ permissions: MEMBER_PERMISSIONS, botInServer: true }).manageChannel).toBe(false);
    expect(capabilities({ botInServer: true }).manageChannel).toBe(false);
  });

  it("gets posts only in a server the bot is in, whatever the permissions", () => {
    expect(capabilities({ permissions: MANAGER_PERMISSIONS, botInServer: false })).toMatchObject({ manageChannel: true, channelPosts: false });
  });

  it("manages the bot's sources with Manage Server or Administrator, not with Manage Channels alone", () => {
    expect(capabilities({ permissions: String(1n << 5n), botInServer: true }).manageSources).toBe(true);
    expect(capabilities({ permissions: String(1n << 3n), botInServer: true }).manageSources).toBe(true);
    expect(capabilities({ permissions: String(1n << 4n), botInServer: true }).manageSources).toBe(false);
    expect(capabilities({ botInServer: true }).manageSources).toBe(false);
  });
});

describe("user installs, contexts and the message command", () => {
  it("makes /kubecon installable to servers and users, usable in servers, bot DMs and group DMs", () => {
    const [slash, message] = commandDefinitions(corpus.bot.commands) as any[];
    for (const command of [slash, message]) {
      expect(command.integration_types).toEqual([0, 1]);
      expect(command.contexts).toEqual([0, 1, 2]);
    }
    expect(message).toEqual({
      type: 3,
      name: "Find KubeCon talks",
      name_localizations: { fr: "Chercher des talks KubeCon" },
      integration_types: [0, 1],
      contexts: [0, 1, 2],
    });
  });

  it("reads a message's words, not its mentions, channel links, timestamps, links or emoji ids", () => {
    expect(messageText("<@123> <@!45> <@&67> in <#89> at <t:1700000000:R>: <:ebpf:1234> rocks https://x.invalid/y").replace(/\s+/g, " ").trim()).toBe(
      "in at : ebpf rocks",
    );
  });
});

describe("French localizations", () => {
  const definition = () => commandDefinition(corpus.bot.commands) as any;
  const VALID_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

  it("name and describe every subcommand and option in French", () => {
    const { options, name_localizations, description_localizations } = definition();
    expect(name_localizations).toEqual({ fr: "kubecon" });
    expect(description_localizations.fr).toMatch(/talks KubeCon/);
    const search = options.find((o: any) => o.name === "search");
    expect(search.name_localizations).toEqual({ fr: "chercher" });
    expect(search.options.find((o: any) => o.name === "year").name_localizations).toEqual({ fr: "année" });
    const lang = search.options.find((o: any) => o.name === "lang");
    expect(lang.choices).toContainEqual({ name: "fr", value: "fr", name_localizations: { fr: "français" } });
    for (const spec of corpus.bot.commands.filter((c) => !c.hidden)) {
      expect(FRENCH[spec.name], `French for ${spec.name}`).toBeDefined();
      for (const arg of spec.args) expect(FRENCH[spec.name]!.options?.[arg.name], `French for ${spec.name} ${arg.name}`).toBeDefined();
    }
  });

  it("follow Discord's rules: valid lowercase names, descriptions of 1-100, names unique among their siblings", () => {
    const check = (siblings: any[]) => {
      const defaults = siblings.map((o) => o.name);
      const french = siblings.map((o) => o.name_localizations?.fr ?? o.name);
      expect(new Set(french).size).toBe(french.length);
      siblings.forEach((option, i) => {
        const name = french[i]!;
        expect(name).toMatch(VALID_NAME);
        expect(name).toBe(name.toLowerCase());
        // A localized name may not be another option's default name.
        expect(defaults.filter((d, j) => j !== i)).not.toContain(name);
        const description = option.description_localizations?.fr ?? option.description;
        expect(description.length).toBeGreaterThanOrEqual(1);
        expect(description.length).toBeLessThanOrEqual(100);
        if (option.options) check(option.options);
      });
    };
    check(definition().options);
  });
});
