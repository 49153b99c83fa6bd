import { describe, expect, it } from "vitest";
import { StartError, networkCode, startExplained } from "../../src/app/start-failure.js";

const slack = { label: "Slack", startHints: { credentials: "SLACK_BOT_TOKEN", address: "the network, and SLACK_API_URL if set" } };

describe("an adapter failing to start", () => {
  it("refused by the platform: one line naming its answer and the credentials to check", async () => {
    const refusal = Object.assign(new Error("An API error occurred: invalid_auth"), { data: { ok: false, error: "invalid_auth" } });
    const failure = startExplained(slack, () => Promise.reject(refusal));
    await expect(failure).rejects.toBeInstanceOf(StartError);
    await expect(failure).rejects.toThrow("Slack refused to start (An API error occurred: invalid_auth): check SLACK_BOT_TOKEN.");
  });

  it("not reached at all: says so, with the network code found among the error's causes", async () => {
    // Slack's Web API client wraps the socket error in `original`; fetch wraps it in `cause`.
    const wrapped = Object.assign(new Error("A request error occurred"), {
      code: "slack_webapi_request_error",
      original: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
    });
    await expect(startExplained(slack, () => Promise.reject(wrapped))).rejects.toThrow(
      "cannot reach Slack (ECONNREFUSED): check the network, and SLACK_API_URL if set.",
    );
    const fetchFailure = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }) });
    expect(networkCode(fetchFailure)).toBe("ENOTFOUND");
    expect(networkCode(new Error("401: Unauthorized"))).toBeUndefined();
  });

  it("passes a successful start through", async () => {
    await expect(startExplained(slack, async () => "started")).resolves.toBe("started");
  });
});
