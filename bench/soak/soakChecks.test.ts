import { describe, expect, it } from "vitest";
import {
  checkRequest,
  checkStoredMessages,
  expectedMessages,
  type StoredMessage,
  type StoredRun,
} from "./soakChecks";

const script = {
  system: "Be brief.",
  window: 4,
  promptOf: (n: number) => `Turn ${n}`,
  replyOf: (n: number) => `Reply ${n}`,
};

const body = (messages: [string, string][]) => ({
  messages: messages.map(([role, content]) => ({ role, content })),
});

/** What the app stores after `turns` turns: one run per turn, each appending its exchange. */
function conversation(turns: number): { messages: StoredMessage[]; runs: StoredRun[] } {
  const messages: StoredMessage[] = [];
  const runs: StoredRun[] = [];
  for (let n = 1; n <= turns; n++) {
    const ids = [`m${2 * n - 2}`, `m${2 * n - 1}`];
    for (const [i, id] of ids.entries()) {
      const index = 2 * n - 2 + i;
      messages.push({
        id,
        runId: `r${n}`,
        prev: index === 0 ? null : `m${index - 1}`,
        index,
        role: i === 0 ? "user" : "assistant",
        content: i === 0 ? script.promptOf(n) : script.replyOf(n),
      });
    }
    runs.push({ id: `r${n}`, status: "ok", appended: { chat: ids } });
  }
  return { messages, runs };
}

describe("the soak's request check", () => {
  it("expects the system prompt, the last `window` memory messages and the prompt", () => {
    expect(expectedMessages(1, script)).toEqual([
      ["system", "Be brief."],
      ["user", "Turn 1"],
    ]);
    expect(expectedMessages(5, script)).toEqual([
      ["system", "Be brief."],
      ["user", "Turn 3"],
      ["assistant", "Reply 3"],
      ["user", "Turn 4"],
      ["assistant", "Reply 4"],
      ["user", "Turn 5"],
    ]);
  });

  it("passes the exact request and names what differs in any other", () => {
    expect(checkRequest(body(expectedMessages(5, script)), 5, script)).toBeNull();
    // One exchange too many: the window was not applied.
    const tooMany = body([
      ["system", "Be brief."],
      ["user", "Turn 2"],
      ["assistant", "Reply 2"],
      ...expectedMessages(5, script).slice(1),
    ]);
    expect(checkRequest(tooMany, 5, script)).toBe("8 messages, expected 6");
    // The right length, an older exchange: memory lost a turn.
    const stale = expectedMessages(5, script).map(([role, content]): [string, string] => [
      role,
      content === "Reply 4" ? "Reply 2" : content,
    ]);
    expect(checkRequest(body(stale), 5, script)).toBe(
      'message 4 is ["assistant","Reply 2"], expected ["assistant","Reply 4"]',
    );
    expect(checkRequest(undefined, 1, script)).toBe("no messages in the body");
  });
});

describe("the soak's database check", () => {
  it("finds nothing wrong with every exchange stored once by its run", () => {
    const { messages, runs } = conversation(3);
    expect(checkStoredMessages(messages, runs, 3, script)).toEqual({
      count: 6,
      duplicates: 0,
      orphans: 0,
      problems: [],
    });
  });

  it("counts an exchange stored twice, and messages no finished run lists", () => {
    const { messages, runs } = conversation(3);
    const again = { ...messages[5], id: "copy", prev: "m5", index: 6 } as StoredMessage;
    const failed = runs.map((run) => (run.id === "r1" ? { ...run, status: "error" } : run));
    const verdict = checkStoredMessages([...messages, again], failed, 3, script);
    expect(verdict.duplicates).toBe(1);
    // r1 failed, so its two messages are orphans; the copy is in no run at all.
    expect(verdict.orphans).toBe(3);
  });

  it("says so when a turn's message is missing or the log is not one chain", () => {
    const { messages, runs } = conversation(3);
    const withoutLast = messages.slice(0, 5);
    expect(checkStoredMessages(withoutLast, runs, 3, script).problems).toContain(
      "turn 3's assistant message is missing",
    );
    const broken = messages.map((m) => (m.id === "m3" ? { ...m, prev: null } : m));
    expect(checkStoredMessages(broken, runs, 3, script).problems).toContain(
      "the log links 3 of 6 messages from the newest",
    );
  });
});
