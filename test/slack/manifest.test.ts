import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BOT_SCOPES, EVENTS_PATH, REDIRECT_PATH, SLASH_COMMAND } from "../../adapters/slack/app.js";
import { FIND_TALKS_CALLBACK } from "../../adapters/slack/conversations.js";

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

  it("asks for exactly the bot scopes the adapter uses, the same an OAuth install asks for", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "chat:write.public", "app_mentions:read", "im:history", "channels:history", "groups:history", "users:read"]);
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });

  it("subscribes to exactly the events the adapter listens to, on the events path", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"]);
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(EVENTS_PATH);
  });

  it("has the Home tab, DMs, the message shortcut and the OAuth redirect", () => {
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.shortcuts).toEqual([
      { name: "Find KubeCon talks", type: "message", callback_id: FIND_TALKS_CALLBACK, description: "Search KubeCon talks for this message's text" },
    ]);
    expect(manifest.oauth_config.redirect_urls.map((url: string) => new URL(url).pathname)).toEqual([REDIRECT_PATH]);
  });

  it("keeps names within Slack's manifest limits", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });
});
