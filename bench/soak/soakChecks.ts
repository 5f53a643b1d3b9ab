/*
 * The soak's verdicts, kept out of the browser code so they can be tested on their own: a
 * check that can never fail would make the soak's "exact" rows meaningless.
 */

/** What the soak expects of its conversation. */
export interface SoakScript {
  system: string;
  /** Memory messages before the prompt (an even number: whole exchanges). */
  window: number;
  promptOf(n: number): string;
  replyOf(n: number): string;
}

/** The messages request n (1-based) must carry: system, the last `window` messages, prompt. */
export function expectedMessages(n: number, script: SoakScript): [string, string][] {
  const expected: [string, string][] = [["system", script.system]];
  for (let k = Math.max(1, n - script.window / 2); k < n; k++) {
    expected.push(["user", script.promptOf(k)], ["assistant", script.replyOf(k)]);
  }
  expected.push(["user", script.promptOf(n)]);
  return expected;
}

/** Null when the body of request n carries exactly the expected messages, else what differs. */
export function checkRequest(body: unknown, n: number, script: SoakScript): string | null {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return "no messages in the body";
  const got = messages.map((m: { role?: unknown; content?: unknown }) => [
    String(m.role),
    typeof m.content === "string" ? m.content : JSON.stringify(m.content),
  ]);
  const want = expectedMessages(n, script);
  if (got.length !== want.length) return `${got.length} messages, expected ${want.length}`;
  const at = want.findIndex(
    ([role, content], i) => got[i]?.[0] !== role || got[i]?.[1] !== content,
  );
  return at === -1
    ? null
    : `message ${at} is ${JSON.stringify(got[at])}, expected ${JSON.stringify(want[at])}`;
}

/** The fields of the stored records the checks read. */
export interface StoredMessage {
  id: string;
  runId: string;
  prev: string | null;
  index: number;
  role: string;
  content: string;
}
export interface StoredRun {
  id: string;
  status: string;
  appended: Record<string, string[]>;
}

export interface StoredVerdict {
  count: number;
  /** Messages whose role and text another message already has: one exchange stored twice. */
  duplicates: number;
  /** Messages no finished run lists as appended, or whose run is missing. */
  orphans: number;
  /** Every problem found, counted above or not (a broken chain, an exchange missing). */
  problems: string[];
}

/**
 * The database after `turns` turns of one conversation: each prompt and reply once, each
 * appended by a run that finished ok and lists it, the log one chain from index 0.
 */
export function checkStoredMessages(
  messages: readonly StoredMessage[],
  runs: readonly StoredRun[],
  turns: number,
  script: Pick<SoakScript, "promptOf" | "replyOf">,
): StoredVerdict {
  const problems: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const m of messages) {
    const key = `${m.role}\n${m.content}`;
    if (seen.has(key)) {
      duplicates++;
      problems.push(`${m.id} repeats a ${m.role} message: ${m.content.slice(0, 60)}`);
    }
    seen.add(key);
  }
  const listedBy = new Map<string, StoredRun>();
  for (const run of runs) {
    for (const ids of Object.values(run.appended)) for (const id of ids) listedBy.set(id, run);
  }
  let orphans = 0;
  for (const m of messages) {
    const run = listedBy.get(m.id);
    if (!run || run.id !== m.runId || run.status !== "ok") {
      orphans++;
      problems.push(`${m.id} is in no finished run that lists it (its run: ${m.runId})`);
    }
  }
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const id of listedBy.keys()) {
    if (!byId.has(id)) problems.push(`a run lists ${id}, which is not stored`);
  }
  for (let k = 1; k <= turns; k++) {
    for (const [role, content] of [
      ["user", script.promptOf(k)],
      ["assistant", script.replyOf(k)],
    ] as const) {
      if (!seen.has(`${role}\n${content}`)) problems.push(`turn ${k}'s ${role} message is missing`);
    }
  }
  // One log: walking back from the newest message reaches index 0 through every message.
  const newest = messages.reduce<StoredMessage | undefined>(
    (a, m) => (a === undefined || m.index > a.index ? m : a),
    undefined,
  );
  let walked = 0;
  for (let m = newest; m; m = m.prev === null ? undefined : byId.get(m.prev)) {
    if (m.index !== (newest?.index ?? 0) - walked) {
      problems.push(`${m.id} has index ${m.index} at ${walked} steps from the newest`);
      break;
    }
    walked++;
  }
  if (walked !== messages.length) {
    problems.push(`the log links ${walked} of ${messages.length} messages from the newest`);
  }
  return { count: messages.length, duplicates, orphans, problems };
}
