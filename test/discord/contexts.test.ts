import { describe, expect, it } from "vitest";
import { gatewayWorldForFile } from "./gateway-world.js";
import { commandInteraction, from, MANAGER_PERMISSIONS, messageCommandInteraction, stringOption, type Where } from "./payloads.js";

const { dispatch } = gatewayWorldForFile();

const PLACES: Where[] = ["server", "server, user install only", "bot DM", "group DM"];

describe("a user-installable app: /kubecon wherever it is used", () => {
  for (const where of PLACES) {
    it(`answers a search in a ${where}`, async () => {
      const body = await dispatch(from(where, commandInteraction("search", [stringOption("query", "ebpf")])));
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.embeds[0].title).toBe("KubeCon talks on “ebpf”");
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
    });
  }

  it("turns daily posts on in a server channel the bot is in, for a member with Manage Channels", async () => {
    const body = await dispatch(commandInteraction("daily", [stringOption("action", "on")], MANAGER_PERMISSIONS));
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description ?? "").not.toContain("works in a chat channel the bot is in");
  });

  for (const where of ["server, user install only", "bot DM", "group DM"] as const) {
    it(`refuses daily posts in a ${where}, saying posts need a channel the bot is in`, async () => {
      const interaction = from(where, commandInteraction("daily", [stringOption("action", "on"), stringOption("time", "09:00")], MANAGER_PERMISSIONS));
      const body = await dispatch(interaction);
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.embeds[0].description).toContain("That posts in a channel later, so it works in a chat channel the bot is in: run it there.");
    });
  }

  it("still tells the daily status in a DM", async () => {
    const body = await dispatch(from("bot DM", commandInteraction("daily", [stringOption("action", "status")])));
    expect(body.data.embeds[0].description ?? "").not.toContain("works in a chat channel the bot is in");
  });
});

describe("the message command “Find KubeCon talks”", () => {
  it("searches the message's text, less mentions and links, and answers the user alone", async () => {
    const body = await dispatch(messageCommandInteraction("<@600000000000000001> anyone seen a good talk on service mesh? https://example.invalid/x"));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toBe("KubeCon talks on “anyone seen a good talk on service mesh?”");
    expect(body.data.embeds[0].fields.length).toBeGreaterThan(0);
  });

  it("works in a DM too", async () => {
    const body = await dispatch(from("group DM", messageCommandInteraction("ebpf")));
    expect(body.data.embeds[0].title).toBe("KubeCon talks on “ebpf”");
  });

  it("says so when the message has no text (an image, a sticker)", async () => {
    const body = await dispatch(messageCommandInteraction(""));
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toBe("That message has no text to search for.");
  });

  it("keeps a long message to the query's length, cut between words", async () => {
    const body = await dispatch(messageCommandInteraction(`${"kubernetes operators ".repeat(30)}tail`));
    expect(body.type).toBe(4);
    const title: string = body.data.embeds[0].title;
    expect(title).toMatch(/^KubeCon talks on “kubernetes operators .*(kubernetes|operators)”$/);
    expect(title.length).toBeLessThan(260);
  });
});
