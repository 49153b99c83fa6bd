import { describe, expect, it } from "vitest";
import { answerInTime, type Wait } from "../../src/adapter/in-time.js";

/** A deadline the test passes by hand: no timing involved. */
function handDeadline(): { wait: Wait; pass(): void; waitedFor: number[] } {
  let pass = () => {};
  const waitedFor: number[] = [];
  const wait: Wait = (ms) => {
    waitedFor.push(ms);
    return new Promise<void>((resolve) => (pass = resolve));
  };
  return { wait, pass: () => pass(), waitedFor };
}

function recorder() {
  const sent: string[] = [];
  return {
    sent,
    delivery: {
      now: async (answer: string) => void sent.push(`now ${answer}`),
      acknowledge: async () => void sent.push("acknowledge"),
      later: async (answer: string) => void sent.push(`later ${answer}`),
    },
  };
}

describe("answering before the platform's deadline", () => {
  it("sends an answer ready in time as the first response", async () => {
    const deadline = handDeadline();
    const { sent, delivery } = recorder();
    await answerInTime(Promise.resolve("cards"), 2000, delivery, deadline.wait);
    expect(sent).toEqual(["now cards"]);
    expect(deadline.waitedFor).toEqual([2000]);
  });

  it("acknowledges first when the deadline passes, then sends the answer when it comes", async () => {
    const deadline = handDeadline();
    const { sent, delivery } = recorder();
    let finish!: (answer: string) => void;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const done = answerInTime(work, 1200, delivery, deadline.wait);
    deadline.pass();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual(["acknowledge"]);
    finish("slow cards");
    await done;
    expect(sent).toEqual(["acknowledge", "later slow cards"]);
  });
});
