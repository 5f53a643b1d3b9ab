import { InMemorySaver } from "../src/engine/InMemorySaver";
import {
  conversationId,
  type MessageId,
  memoryId,
  messageId,
  nodeId,
  runId,
} from "../src/engine/ids";
import { readLimit } from "../src/engine/memoryWindow";
import type { MemoryMessage } from "../src/engine/messages";
import type { Saver } from "../src/engine/saver";
import { openBenchStorage } from "./fakeStorage";
import { formatMs, formatRatio, median, progress } from "./stats";
import { belowRow, infoRow, type Row } from "./table";

const LOG_LENGTHS = [10, 1_000, 100_000] as const;
/** One transaction per batch, as a long-lived app would have written them over many runs. */
const APPEND_BATCH = 1_000;
/** What a node with a window of 5 reads back: exactly the 5 messages it keeps. */
const WINDOW_READ = readLimit(5);
const ROUNDS = 15;
/**
 * Untimed rounds first: without them the first case measured runs on cold JIT code and looks
 * slower than the rest, which flatters or spoils the ratio depending on the order.
 */
const WARMUP_ROUNDS = 5;
/** Reads per timed round: enough that one round is well above the timer's resolution. */
const READS_PER_ROUND = { indexeddb: 20, memory: 2_000 } as const;
const MAX_RATIO = 2;

type SaverKind = keyof typeof READS_PER_ROUND;

/** Appends one memory log of `length` messages, linked by prev/index, and returns its head. */
/** Where a bench log is stored: straight in, as seeding (no runs point to these messages). */
type LogStore = { appendMessages(messages: readonly MemoryMessage[]): Promise<void> };

/** The in-memory saver as a LogStore. */
const inMemoryLog = (saver: InMemorySaver): LogStore => ({
  appendMessages: async (messages) => {
    for (const m of messages) saver.messages.set(m.id, m);
  },
});

async function fillLog(saver: LogStore, length: number): Promise<MessageId | null> {
  const conversation = conversationId("bench-window");
  const memory = memoryId("bench_memory");
  let head: MessageId | null = null;
  for (let start = 0; start < length; start += APPEND_BATCH) {
    const batch: MemoryMessage[] = [];
    for (let index = start; index < Math.min(length, start + APPEND_BATCH); index++) {
      const message: MemoryMessage = {
        id: messageId(`m${index}`),
        conversationId: conversation,
        memoryId: memory,
        runId: runId(`run${Math.floor(index / 2)}`),
        nodeId: nodeId("chat_llm"),
        prev: head,
        index,
        role: index % 2 === 0 ? "user" : "assistant",
        content: `Message ${index}: a sentence or two of chat, about as long as a short reply.`,
        createdAt: index,
      };
      batch.push(message);
      head = message.id;
    }
    await saver.appendMessages(batch);
  }
  return head;
}

/** Median milliseconds of one window read, timed in rounds so a GC pause spoils one round only. */
async function timeWindowRead(saver: Saver, head: MessageId | null, reads: number) {
  for (let i = 0; i < WARMUP_ROUNDS * reads; i++) await saver.readBack(head, WINDOW_READ);
  const perRead: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < reads; i++) await saver.readBack(head, WINDOW_READ);
    perRead.push((performance.now() - started) / reads);
  }
  return median(perRead);
}

/** Each log length gets its own fresh store, so the long case also pays for a big store. */
async function measure(kind: SaverKind, length: number): Promise<number> {
  if (kind === "memory") {
    const saver = new InMemorySaver();
    return timeWindowRead(saver, await fillLog(inMemoryLog(saver), length), READS_PER_ROUND.memory);
  }
  const storage = await openBenchStorage();
  try {
    const head = await fillLog(storage.saver, length);
    return await timeWindowRead(storage.saver, head, READS_PER_ROUND.indexeddb);
  } finally {
    storage.close();
  }
}

/** Memory window reads must cost O(window), not O(history): compare 100,000 to 10 messages. */
export async function windowReadRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ["indexeddb", "memory"] as const) {
    const name = kind === "memory" ? "in-memory" : "IndexedDB";
    const times: number[] = [];
    for (const length of LOG_LENGTHS) {
      progress(`window read: ${name}, ${length.toLocaleString("en-US")} messages`);
      const ms = await measure(kind, length);
      times.push(ms);
      rows.push(
        infoRow(
          `window read (window 5), ${name}, ${length.toLocaleString("en-US")} msgs`,
          formatMs(ms),
        ),
      );
    }
    const [short, medium, long] = times as [number, number, number];
    const figure = `window read ${name}, 100,000 / 10`;
    // The budget is the app's, which stores in IndexedDB. In memory a read takes well under a
    // microsecond, so its ratios are hints only: shown without a budget, never judged.
    rows.push(
      kind === "indexeddb"
        ? belowRow(figure, long / short, MAX_RATIO, formatRatio)
        : infoRow(figure, formatRatio(long / short)),
    );
    // Every log returns the same 5 messages; this ratio isolates the 100x longer log.
    rows.push(infoRow(`window read ${name}, 100,000 / 1,000`, formatRatio(long / medium)));
  }
  return rows;
}
