import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BackupContents } from "./backupContents";
import { readBackupFile, readFlowConversations } from "./readBackupFile";
import { readFlowFile } from "./readFlowFile";
import { writeBackupFile } from "./writeBackupFile";
import { writeFlowFile } from "./writeFlowFile";

const GOOD = readFileSync(
  join(import.meta.dirname, "../../test/fixtures/backups/two-turns.backup.json"),
  "utf8",
);

async function goodBackup(): Promise<BackupContents> {
  const read = await readBackupFile(GOOD);
  if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
  return read.backup;
}

/** The backup with its memory renamed everywhere it is named, keys and values. */
function withMemoryNamed(backup: BackupContents, name: string): BackupContents {
  const text = JSON.stringify(backup).replaceAll('"chat_llm"', JSON.stringify(name));
  // JSON.parse makes a "__proto__" key an own property, as the app's reader does.
  return JSON.parse(text) as BackupContents;
}

describe("readBackupFile", () => {
  it("reads a backup written before version 2 of the flow format: the same flow, upgraded", async () => {
    const old = GOOD.replace('"version":3,"name"', '"version":1,"name"');
    expect(old).not.toBe(GOOD);
    const read = await readBackupFile(old);
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
    expect(read.backup).toEqual(await goodBackup());
    expect(read.warnings).toEqual([
      'flows[0].flow ("Chat with memory"): upgraded (version 1 → 2: nothing changes; version 2 adds memoryWindowTokens (a token budget) to LLM nodes, and memories (their scope) to the flow).',
      'flows[0].flow ("Chat with memory"): upgraded (version 2 → 3: nothing changes; version 3 adds notes (sticky notes on the canvas) to the flow, and memorySummary (summary memory) to LLM nodes).',
    ]);
  });

  it("reads a backup written with version 2 of the flow format: the same flow, upgraded", async () => {
    const old = GOOD.replace('"version":3,"name"', '"version":2,"name"');
    expect(old).not.toBe(GOOD);
    const read = await readBackupFile(old);
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
    expect(read.backup).toEqual(await goodBackup());
    expect(read.warnings).toEqual([
      'flows[0].flow ("Chat with memory"): upgraded (version 2 → 3: nothing changes; version 3 adds notes (sticky notes on the canvas) to the flow, and memorySummary (summary memory) to LLM nodes).',
    ]);
  });

  it("reads back exactly what was written, with a summary for the preview", async () => {
    const backup = await goodBackup();
    const again = await readBackupFile(writeBackupFile(backup, { createdAt: 5 }));
    expect(again).toMatchObject({ ok: true, warnings: [] });
    if (!again.ok) return;
    expect(again.backup).toEqual(backup);
    expect(again.summary).toEqual({
      createdAt: 5,
      counts: { flows: 1, conversations: 1, runs: 2, memoryMessages: 4 },
      flows: [{ id: "flow-1", name: "Chat with memory", conversations: 1 }],
    });
  });

  it("never writes a secret, and drops one found on reading, saying where", async () => {
    const backup = await goodBackup();
    const flow = backup.flows[0]?.flow;
    const llm = flow?.nodes[1];
    if (llm?.type !== "llm") throw new Error("fixture changed");
    llm.config.apiKey = "sk-written-never";
    (backup.conversations[0] as unknown as Record<string, unknown>).token = "tok-never";
    const text = writeBackupFile(backup, { createdAt: 1 });
    expect(text).not.toContain("sk-written-never");
    expect(text).not.toContain("tok-never");

    const file = JSON.parse(GOOD);
    file.flows[0].flow.nodes[1].config.api_key = "sk-in-a-file";
    file.runs[0].nodes[1].llm.authorization = "Bearer sk-in-a-file";
    const read = await readBackupFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.stringify(read.backup)).not.toContain("sk-in-a-file");
    expect(read.warnings).toEqual([
      "Left out flows[0].flow.nodes[1].config.api_key: backups never carry keys or passwords.",
      "Left out runs[0].nodes[1].llm.authorization: backups never carry keys or passwords.",
    ]);
  });

  it.each(["token", "password", "__proto__"])(
    "keeps a memory called %s: a name, not a secret",
    async (name) => {
      const backup = withMemoryNamed(await goodBackup(), name);
      const read = await readBackupFile(writeBackupFile(backup, { createdAt: 1 }));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const run = read.backup.runs[1];
      expect(Object.hasOwn(run?.memoryHeads ?? {}, name)).toBe(true);
      expect(Object.getPrototypeOf(run?.memoryHeads)).toBe(Object.prototype);
      // Message ids are text that merely contains the node's id: unchanged.
      expect(Object.getOwnPropertyDescriptor(run?.memoryHeads, name)?.value).toBe(
        "run-2:chat_llm:reply",
      );
    },
  );

  it("steps aside for the page while it checks a large backup", async () => {
    const backup = await goodBackup();
    const [first, second] = backup.memoryMessages;
    if (!first || !second) throw new Error("fixture changed");
    // 20,000 more messages of the same log: a long chain to check.
    let prev = backup.memoryMessages.at(-1);
    for (let i = 0; i < 20_000 && prev; i++) {
      const message = {
        ...(i % 2 ? second : first),
        id: `extra-${i}`,
        prev: prev.id,
        index: prev.index + 1,
      };
      backup.memoryMessages.push(message as typeof first);
      prev = message as typeof first;
    }
    let pauses = 0;
    const read = await readBackupFile(writeBackupFile(backup, { createdAt: 1 }), {
      pause: async () => {
        pauses++;
      },
    });
    expect(read.ok).toBe(true);
    // At least one pause per 8 ms of checking: the page is never held for the whole file.
    expect(pauses).toBeGreaterThan(1);
  });

  it("refuses a backup over the size limit before parsing it", async () => {
    const read = await readBackupFile(GOOD, { maxBytes: 1000 });
    expect(read).toEqual({
      ok: false,
      errors: [{ path: "", message: "The file is 4.8 KB; the largest backup read is 1000 bytes." }],
    });
  });
});

describe("readFlowConversations", () => {
  it("gets a flow file's conversations back whole, a memory called token included", async () => {
    const backup = withMemoryNamed(await goodBackup(), "token");
    const { conversations, runs, memoryMessages } = backup;
    // The flow as it was (renaming "chat_llm" everywhere would break its template).
    const flow = (await goodBackup()).flows[0]?.flow;
    if (!flow) throw new Error("fixture changed");
    const file = readFlowFile(
      writeFlowFile(flow, { conversations: { conversations, runs, memoryMessages } }),
    );
    expect(file.ok && file.warnings).toEqual([]);
    if (!file.ok) return;
    const read = await readFlowConversations(file.conversations);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records.runs[1]?.memoryHeads).toEqual({ token: "run-2:chat_llm:reply" });
    expect(read.records).toEqual({ conversations, runs, memoryMessages });
  });

  it("checks a flow file's conversations like a backup's, with paths into the file", async () => {
    const backup = await goodBackup();
    const section = {
      conversations: backup.conversations,
      runs: backup.runs,
      memoryMessages: backup.memoryMessages.slice(1),
    };
    const read = await readFlowConversations(section);
    expect(read.ok ? [] : read.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'conversations.runs[0].appended.chat_llm[0]: names memory message "run-1:chat_llm:prompt", which is not in this file',
      'conversations.runs[0].nodes[1].llm.memory.appendedIds[0]: names memory message "run-1:chat_llm:prompt", which is not in this file',
      'conversations.runs[1].nodes[1].llm.memory.keptIds[0]: names memory message "run-1:chat_llm:prompt", which is not in this file',
      'conversations.memoryMessages[0].prev: names memory message "run-1:chat_llm:prompt", which is not in this file',
    ]);
    expect(await readFlowConversations({ conversations: [] })).toEqual({
      ok: false,
      errors: [
        { path: "conversations.runs", message: "is required" },
        { path: "conversations.memoryMessages", message: "is required" },
      ],
    });
  });
});
