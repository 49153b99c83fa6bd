import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EVENTS_PATH, SLASH_COMMAND } from "../../adapters/slack/app.js";

const manifest = parse(readFileSync("adapters/slack/manifest.yml", "utf8"));

describe("Slack app manifest", () => {
  it("declares the slash command the adapter listens to, with a usage hint, on the events path", () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(command.usage_hint.length).toBeGreaterThan(0);
    expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(new URL(command.url).pathname).toBe(EVENTS_PATH);
    expect(command.should_escape).toBe(false);
  });

  it("turns interactivity on for the buttons, on the same path", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(EVENTS_PATH);
  });

  it("asks for exactly the bot scopes the adapter uses", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "chat:write.public"]);
  });

  it("keeps names within Slack's manifest limits", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });
});
