import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FORCED_EXIT_CODE } from "../../src/health/shutdown.js";
import { BotProcess, gauge, search, searchBody, signedHeaders } from "../support/bot-process.js";

const NEW_RECAP = `---
id: eu-2030-notes
title: "KubeCon Europe 2030 - Notes"
event: "KubeCon + CloudNativeCon Europe 2030"
event_id: eu-2030
year: 2030
language: en
---

Zanzibarnetes operators at scale - Ada Lovelace, Example

- Zanzibarnetes runs operators for every cluster, and the team explained how they keep them upgraded.
`;

/**
 * A signed search whose body is held after its first byte: a request in flight for as long as the
 * test wants. It resolves once the server has taken the request in, which its `100 Continue` says.
 */
async function heldSearch(port: number, query: string): Promise<{ finish(): Promise<string> }> {
  const body = searchBody(query);
  const socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  let taken!: () => void;
  const continued = new Promise<void>((resolve) => (taken = resolve));
  socket.on("data", (chunk) => {
    received += chunk.toString("utf8");
    if (received.includes("100 Continue")) taken();
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", resolve));
  socket.write(`POST /discord/interactions HTTP/1.1\r\nhost: x\r\nconnection: close\r\nexpect: 100-continue\r\n${signedHeaders(body)}\r\n${body.slice(0, 1)}`);
  await continued;
  return {
    async finish() {
      socket.write(body.slice(1));
      await closed;
      return received.slice(received.indexOf("\r\n\r\n") + 4);
    },
  };
}

const sections = (bot: BotProcess) => gauge(bot, "kubecon_corpus_sections");

let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe("the bot process (dist/src/main.js)", () => {
  it("SIGHUP re-reads CORPUS_DIR and swaps the index, finishing a request that was in flight (metrics on METRICS_PORT)", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start(true);
    expect((await fetch(bot.url("/metrics"))).status).toBe(404);
    const before = await sections(bot);
    expect(await search(bot, "zanzibarnetes")).not.toMatch(/Zanzibarnetes operators/);

    writeFileSync(join(bot.corpus, "eu-2030-notes.md"), NEW_RECAP);
    const held = await heldSearch(bot.port, "zanzibarnetes");
    bot.signal("SIGHUP");
    await bot.logged("corpus reloaded");
    expect(await held.finish()).toMatch(/^HTTP\/1\.1 200 /);

    expect(await search(bot, "zanzibarnetes")).toMatch(/Zanzibarnetes operators/);
    expect(await sections(bot)).toBeGreaterThan(before);
  });

  it("SIGTERM: stops taking connections, lets the request in flight finish, and exits 0", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start();
    const held = await heldSearch(bot.port, "kubernetes");
    bot.signal("SIGTERM");
    await bot.logged("shutting down");
    // No new connection is taken any more...
    expect(await fetch(bot.url("/readyz")).then((r) => r.status, () => "refused")).toBe("refused");
    // ...but the request already in is answered.
    expect(await held.finish()).toMatch(/^HTTP\/1\.1 200 /);
    expect(await bot.exited()).toBe(0);
    expect(bot.lines.map((line) => line.msg)).toContain("shutdown complete");
  });

  it("a second SIGTERM exits at once, without waiting for the request in flight", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start();
    await heldSearch(bot.port, "kubernetes");
    bot.signal("SIGTERM");
    await bot.logged("shutting down");
    bot.signal("SIGTERM");
    expect(await bot.exited()).toBe(FORCED_EXIT_CODE);
    expect(bot.lines.map((line) => line.msg)).toContain("second signal: exiting now");
    expect(bot.lines.map((line) => line.msg)).not.toContain("shutdown did not finish in time: exiting now");
  });
});
