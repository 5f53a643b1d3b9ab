import { STARTER_FLOWS } from "../src/engine/starterFlows";
import type { BackupContents } from "../src/format/backupContents";
import { readBackupFile } from "../src/format/readBackupFile";
import { writeBackupFile } from "../src/format/writeBackupFile";
import { BackupRepository } from "../src/storage/backupRepository";
import { openBenchStorage } from "./fakeStorage";
import { formatMs, median, progress } from "./stats";
import { atMostRow, infoRow, type Row } from "./table";

/*
 * A large backup: 100 flows, 1,000 runs, and one conversation of 10,000 memory messages (500
 * runs of 20 messages, as a flow of ten LLMs sharing a memory would write), the other 500 runs
 * spread over the other flows' conversations. Measured: the file's size; reading it as the
 * restore dialog does (JSON, every record's shape, the references), in total and its longest
 * stretch without a pause for the page (the first stretch is JSON.parse of the whole text,
 * which cannot be cut); and the restore into fake-indexeddb in one transaction.
 * Budget: the longest stretch (median of 5 reads) at most 100 ms: a dropped frame or two,
 * never a frozen page.
 */

const FLOWS = 100;
const BIG_RUNS = 500;
const MESSAGES_PER_BIG_RUN = 20;
const SMALL_RUNS = 500;
const LONGEST_STRETCH_MS = 100;
const SAMPLES = 5;

/** What the big conversation's last run replied: the chat shows it once that conversation is open. */
export const BIG_CONVERSATION_LAST_REPLY = `Reply ${BIG_RUNS - 1}`;
/** The big conversation's flow was saved last, so a restore opens it (and a reload reopens it). */
const updatedAtOf = (f: number) => (f === 0 ? FLOWS : f);

export function largeBackup(): BackupContents {
  const data: BackupContents = {
    flows: [],
    conversations: [],
    runs: [],
    memoryMessages: [],
    settings: {},
  };
  const flow = STARTER_FLOWS.chatWithMemory.build();
  for (let f = 0; f < FLOWS; f++) {
    const id = `flow-${f}` as BackupContents["flows"][number]["id"];
    data.flows.push({
      id,
      revision: 1,
      createdAt: f,
      updatedAt: updatedAtOf(f),
      flow: { ...flow, name: `Flow ${f}` },
    });
    data.conversations.push({
      id: `conv-${f}` as BackupContents["conversations"][number]["id"],
      flowId: id,
      title: `Conversation ${f}`,
      createdAt: f,
      updatedAt: updatedAtOf(f),
      headRunId: null,
    });
  }
  const addRuns = (conversation: number, count: number, perRun: number) => {
    let parent: string | null = null;
    let prev: string | null = null;
    let index = 0;
    for (let r = 0; r < count; r++) {
      const id = `run-${conversation}-${r}`;
      const appended: string[] = [];
      for (let m = 0; m < perRun; m++) {
        const messageId = `${id}-m${m}`;
        data.memoryMessages.push({
          id: messageId,
          conversationId: `conv-${conversation}`,
          memoryId: "chat_llm",
          runId: id,
          nodeId: "chat_llm",
          prev,
          index: index++,
          role: m % 2 === 0 ? "user" : "assistant",
          content: `Message ${index} of a long conversation, with some words in it to be realistic.`,
          createdAt: index,
        } as unknown as BackupContents["memoryMessages"][number]);
        appended.push(messageId);
        prev = messageId;
      }
      data.runs.push({
        id,
        parentRunId: parent,
        conversationId: `conv-${conversation}`,
        flowId: `flow-${conversation}`,
        flowRevision: 1,
        input: `Turn ${r}`,
        outputs: { output: `Reply ${r}` },
        nodes: [{ nodeId: "chat_llm", type: "llm", status: "ok", output: `Reply ${r}` }],
        appended: { chat_llm: appended },
        cleared: [],
        memoryHeads: { chat_llm: prev },
        status: "ok",
        startedAt: r,
        endedAt: r + 1,
      } as unknown as BackupContents["runs"][number]);
      parent = id;
    }
    const conv = data.conversations[conversation];
    if (conv && parent) conv.headRunId = parent as typeof conv.headRunId;
  };
  addRuns(0, BIG_RUNS, MESSAGES_PER_BIG_RUN);
  const others = FLOWS - 1;
  for (let c = 1; c < FLOWS; c++) {
    addRuns(c, Math.floor(SMALL_RUNS / others) + (c <= SMALL_RUNS % others ? 1 : 0), 0);
  }
  return data;
}

export async function backupRestoreRows(): Promise<Row[]> {
  progress("backup: building a backup of 100 flows, 1,000 runs, 10,000 messages");
  const data = largeBackup();
  const text = writeBackupFile(data, { createdAt: 0 });
  const label = `backup of ${data.flows.length} flows / ${data.runs.length.toLocaleString("en")} runs / ${data.memoryMessages.length.toLocaleString("en")} messages`;

  const samples: { longest: number; total: number }[] = [];
  let read: Awaited<ReturnType<typeof readBackupFile>> | undefined;
  for (let i = 0; i < SAMPLES; i++) {
    let longest = 0;
    let last = performance.now();
    const started = last;
    read = await readBackupFile(text, {
      pause: async () => {
        longest = Math.max(longest, performance.now() - last);
        await new Promise((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      },
    });
    const ended = performance.now();
    samples.push({ longest: Math.max(longest, ended - last), total: ended - started });
  }
  if (!read?.ok) throw new Error(`the large backup was refused: ${read?.errors[0]?.message}`);
  const longest = median(samples.map((s) => s.longest));
  const total = median(samples.map((s) => s.total));

  const storage = await openBenchStorage();
  const restoreStart = performance.now();
  await new BackupRepository(storage.db, {
    theme: "theme",
    viewport: (id) => `viewport:${id}`,
  }).restore(read.backup);
  const restoreMs = performance.now() - restoreStart;
  storage.close();

  return [
    infoRow(`${label}: file size`, `${(text.length / 2 ** 20).toFixed(1)} MB`),
    infoRow(`${label}: read and checked (Node, median of ${SAMPLES})`, formatMs(total)),
    atMostRow(`${label}: longest stretch without a pause`, longest, LONGEST_STRETCH_MS, formatMs),
    infoRow(`${label}: restored in one transaction (fake-indexeddb)`, formatMs(restoreMs)),
  ];
}
