import { createInterface } from "node:readline";
import { renderText, terminalStyle, plainStyle } from "../cards/text.js";
import type { Bot } from "../commands/bot.js";
import { TERMINAL } from "../commands/context.js";

/**
 * The interactive console: the same commands as Slack and Discord, typed at a prompt.
 * Line editing and history come from readline; Ctrl-D (or `quit`) leaves.
 */
export async function runConsole(bot: Bot, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): Promise<void> {
  const style = output.isTTY ? terminalStyle : plainStyle;
  const rl = createInterface({ input, output, prompt: "kubecon> ", historySize: 500, terminal: output.isTTY ?? false });
  output.write("kubecon-bot console: type a topic (ebpf), a command (events, topics, help), or Ctrl-D to quit.\n");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "quit" || text === "exit") break;
    // An empty line is an empty command: help, as on every platform.
    const reply = await bot.run(text, { platform: "cli", userId: "console", channelId: "console", can: TERMINAL });
    output.write(`${renderText(reply.card, style)}\n\n`);
    rl.prompt();
  }
  rl.close();
}
