import { InMemorySaver } from "../src/engine/InMemorySaver";
import {
  conversationId,
  type MessageId,
  memoryId,
  messageId,
  nodeId,
  runId,
} from "../src/engine/ids";
import { readLimit, readWindow } from "../src/engine/memoryWindow";
import type { MemoryMessage } from "../src/engine/messages";
import type { Saver } from "../src/engine/saver";
import { planSummary } from "../src/engine/summaryUpdate";
import { ESTIMATE } from "../src/engine/tokenCount";
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
/**
 * A token budget with no window: 400 tokens read at most 100 messages back (each costs at
 * least 4), and the bench messages (~80 characters, 24 tokens by the estimate) keep 16.
 */
const BUDGET = { tokens: 400, counter: ESTIMATE };

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

/** Median milliseconds of one token-budgeted read (readWindow with BUDGET, no window). */
async function timeBudgetRead(saver: Saver, head: MessageId | null, reads: number) {
  const read = () => readWindow(saver, head, "read-write", null, BUDGET);
  for (let i = 0; i < WARMUP_ROUNDS * reads; i++) await read();
  const perRead: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < reads; i++) await read();
    perRead.push((performance.now() - started) / reads);
  }
  return median(perRead);
}

interface Timing {
  window: number;
  budget: number;
}

/** Each log length gets its own fresh store, so the long case also pays for a big store. */
async function measure(kind: SaverKind, length: number): Promise<Timing> {
  const reads = READS_PER_ROUND[kind];
  // A budgeted read takes up to 20 times as many messages as a window of 5: fewer rounds.
  const budgetReads = Math.max(1, Math.floor(reads / 20));
  if (kind === "memory") {
    const saver = new InMemorySaver();
    const head = await fillLog(inMemoryLog(saver), length);
    return {
      window: await timeWindowRead(saver, head, reads),
      budget: await timeBudgetRead(saver, head, budgetReads),
    };
  }
  const storage = await openBenchStorage();
  try {
    const head = await fillLog(storage.saver, length);
    return {
      window: await timeWindowRead(storage.saver, head, reads),
      budget: await timeBudgetRead(storage.saver, head, budgetReads),
    };
  } finally {
    storage.close();
  }
}

/** Summary memory: a window of 20 over logs of these lengths, with a summary of the rest. */
const SUMMARY_LOGS = [100, 10_000] as const;
const SUMMARY_WINDOW = 20;
const SUMMARY_READS = 20;

/**
 * Median milliseconds of what a call with summary memory reads before it is sent: its window
 * of 20 (readWindow) and the stored summary of everything older (planSummary finds it by key).
 * Throws if the plan is not the stored summary: the row would then time something else.
 */
async function timeSummaryRead(length: number): Promise<number> {
  const storage = await openBenchStorage();
  try {
    const head = await fillLog(storage.saver, length);
    const read = async () => {
      const window = await readWindow(storage.saver, head, "read-write", SUMMARY_WINDOW);
      const plan = await planSummary(
        storage.saver,
        memoryId("bench_memory"),
        window.firstDroppedId,
      );
      if (plan.kind !== "stored")
        throw new Error(`summary read: expected the stored summary, got ${plan.kind}`);
      return window.kept.length;
    };
    const covers = messageId(`m${length - SUMMARY_WINDOW - 1}`);
    await storage.saver.putSummaries([
      {
        memoryId: memoryId("bench_memory"),
        coversId: covers,
        coveredCount: length - SUMMARY_WINDOW,
        conversationId: conversationId("bench-window"),
        text: "The user and the assistant chatted; nothing else is known.",
        previousCoversId: null,
        foldedCount: length - SUMMARY_WINDOW,
        runId: runId("bench"),
        nodeId: nodeId("chat_llm"),
        createdAt: 0,
      },
    ]);
    for (let i = 0; i < WARMUP_ROUNDS * SUMMARY_READS; i++) await read();
    const perRead: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      for (let i = 0; i < SUMMARY_READS; i++) await read();
      perRead.push((performance.now() - started) / SUMMARY_READS);
    }
    return median(perRead);
  } finally {
    storage.close();
  }
}

/** A call with a summary reads O(window) messages plus one summary: 10,000 vs 100 messages. */
async function summaryReadRows(): Promise<Row[]> {
  const times: number[] = [];
  for (const length of SUMMARY_LOGS) {
    progress(`summary + window read: IndexedDB, ${length.toLocaleString("en-US")} messages`);
    const ms = await timeSummaryRead(length);
    times.push(ms);
  }
  const [short, long] = times as [number, number];
  return [
    infoRow("summary + window 20 read, IndexedDB, 100 msgs", formatMs(short)),
    infoRow("summary + window 20 read, IndexedDB, 10,000 msgs", formatMs(long)),
    belowRow(
      "summary + window 20 read IndexedDB, 10,000 / 100",
      long / short,
      MAX_RATIO,
      formatRatio,
    ),
  ];
}

/** Memory window reads must cost O(window), not O(history): compare 100,000 to 10 messages. */
export async function windowReadRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ["indexeddb", "memory"] as const) {
    const name = kind === "memory" ? "in-memory" : "IndexedDB";
    const times: number[] = [];
    const budgetTimes: number[] = [];
    for (const length of LOG_LENGTHS) {
      progress(`window read: ${name}, ${length.toLocaleString("en-US")} messages`);
      const { window: ms, budget } = await measure(kind, length);
      times.push(ms);
      budgetTimes.push(budget);
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
    // A token budget reads O(budget): both logs are longer than the most it can read.
    const [, budgetMedium, budgetLong] = budgetTimes as [number, number, number];
    rows.push(
      infoRow(`token budget read (400 tokens), ${name}, 100,000 msgs`, formatMs(budgetLong)),
    );
    const budgetFigure = `token budget read ${name}, 100,000 / 1,000`;
    rows.push(
      kind === "indexeddb"
        ? belowRow(budgetFigure, budgetLong / budgetMedium, MAX_RATIO, formatRatio)
        : infoRow(budgetFigure, formatRatio(budgetLong / budgetMedium)),
    );
  }
  rows.push(...(await summaryReadRows()));
  return rows;
}
