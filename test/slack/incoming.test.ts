import { describe, expect, it } from "vitest";
import { plainMessageText } from "../../adapters/slack/incoming.js";

describe("a Slack message's text as typed", () => {
  it("keeps a web address Slack wrapped in <…>, so `sources add <url>` works in a mention or a direct message", () => {
    expect(plainMessageText("<@UBOT> sources add <https://blog.example/feed.xml?page=1&amp;tag=kubecon>")).toBe("sources add https://blog.example/feed.xml?page=1&tag=kubecon");
  });

  it("keeps a link's label, and drops mentions, broadcasts and unlabelled non-web targets", () => {
    expect(plainMessageText("<@U0002> <!here> talks on <https://x.invalid|opentelemetry> in <#C0001> <mailto:a@b.example>?")).toBe("talks on opentelemetry in ?");
  });
});
