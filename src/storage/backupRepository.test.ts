import { afterEach, describe, expect, it } from "vitest";
import { type FlowId, messageId, runId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { BackupData } from "./backupData";
import { BackupRepository } from "./backupRepository";
import {
  CONV_A,
  chain,
  FLOW_1,
  lastOf,
  MEMORY,
  openTestStorage,
  saveTestRun,
  testFlow,
  testRun,
} from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

const KEYS = { theme: "theme", viewport: (id: FlowId) => `viewport:${id}` };

let storage: StudioStorage;
afterEach(() => storage.close());

/** A database with one flow, one conversation of two runs, and its four memory messages. */
async function seeded(): Promise<{ repo: BackupRepository; data: BackupData }> {
  storage = await openTestStorage();
  await storage.flows.save(FLOW_1, testFlow("Mine"));
  await storage.settings.put(KEYS.viewport(FLOW_1), { x: 1, y: 2, zoom: 1.5 });
  const first = chain("m", ["U1", "A1"], { runId: runId("run-1") });
  const second = chain("n", ["U2", "A2"], { after: lastOf(first), runId: runId("run-2") });
  await storage.saver.appendMessages([...first, ...second]);
  await saveTestRun(
    storage,
    testRun("run-1", {
      appended: { [MEMORY]: first.map((m) => m.id) },
      memoryHeads: { [MEMORY]: lastOf(first).id },
    }),
  );
  await saveTestRun(
    storage,
    testRun("run-2", {
      parent: "run-1",
      appended: { [MEMORY]: second.map((m) => m.id) },
      memoryHeads: { [MEMORY]: lastOf(second).id },
    }),
  );
  const repo = new BackupRepository(storage.db, KEYS);
  return { repo, data: await repo.readAll() };
}

/** Every record of every store, to compare a database before and after. */
async function everything() {
  const db = storage.db;
  return {
    flows: await db.getAll("flows"),
    conversations: await db.getAll("conversations"),
    runs: await db.getAll("runs"),
    memoryMessages: await db.getAll("memoryMessages"),
    settings: await db.getAllKeys("settings"),
  };
}

describe("BackupRepository", () => {
  it("reads everything, viewport with its flow, and restores into an empty database as it was", async () => {
    const { data } = await seeded();
    expect(data.flows).toHaveLength(1);
    expect(data.flows[0]?.viewport).toEqual({ x: 1, y: 2, zoom: 1.5 });
    expect([data.conversations.length, data.runs.length, data.memoryMessages.length]).toEqual([
      1, 2, 4,
    ]);
    storage.close();

    storage = await openTestStorage();
    const outcome = await new BackupRepository(storage.db, KEYS).restore(data);
    expect(outcome).toMatchObject({ renames: [], newIds: 0 });
    expect(await storage.flows.get(FLOW_1)).toMatchObject({ flow: { name: "Mine" } });
    expect(await storage.settings.get(KEYS.viewport(FLOW_1))).toEqual({ x: 1, y: 2, zoom: 1.5 });
    const head = (await storage.conversations.get(CONV_A))?.headRunId;
    expect(head).toBe(runId("run-2"));
    const window = await storage.saver.readBack(messageId("n-1"), 3);
    expect(window.map((m) => m.content)).toEqual(["A2", "U2", "A1"]);
  });

  it("restoring twice adds a copy with new ids and a new name, overwriting nothing", async () => {
    const { repo, data } = await seeded();
    const before = await everything();
    let n = 0;
    const outcome = await repo.restore(data, () => `new-${++n}`);
    expect(outcome.renames).toEqual([{ id: FLOW_1, from: "Mine", to: "Mine (2)" }]);
    expect(outcome.newIds).toBe(1 + 1 + 2 + 4);
    const after = await everything();
    // Everything that was there is there unchanged; the copy is beside it.
    for (const key of ["flows", "conversations", "runs", "memoryMessages"] as const) {
      expect(after[key]).toHaveLength(before[key].length * 2);
      for (const record of before[key]) expect(after[key]).toContainEqual(record);
    }
    const copy = after.flows.find((f) => f.flow?.name === "Mine (2)");
    const conversation = after.conversations.find((c) => c.flowId === copy?.id);
    const runs = after.runs.filter((r) => r.conversationId === conversation?.id);
    const second = runs.find((r) => r.parentRunId !== null);
    expect(runs.map((r) => r.id)).toContain(second?.parentRunId);
    expect(conversation?.headRunId).toBe(second?.id);
    const window = await storage.saver.readBack(second?.memoryHeads[MEMORY] ?? null, 4);
    expect(window.map((m) => m.content)).toEqual(["A2", "U2", "A1", "U1"]);
    expect(window.every((m) => m.conversationId === conversation?.id)).toBe(true);
  });

  it("a failure midway leaves the database exactly as it was, and says which record failed", async () => {
    const { repo, data } = await seeded();
    const before = await everything();
    const broken = structuredClone(data);
    // Two messages with one id: the second add fails after flows, conversation, runs and the
    // other messages were written in the same transaction.
    const first = broken.memoryMessages[0] as MemoryMessage;
    broken.memoryMessages.push(
      { ...first, id: messageId("dup") },
      { ...first, id: messageId("dup") },
    );
    await expect(repo.restore(broken)).rejects.toThrow(
      /^Could not restore memory message dup: ConstraintError/,
    );
    expect(await everything()).toEqual(before);
  });

  it("sets the backup's theme only where none is set", async () => {
    const { repo, data } = await seeded();
    const withTheme = { ...data, settings: { theme: "dark" } };
    expect((await repo.restore(withTheme)).themeRestored).toBe(true);
    expect(await storage.settings.get(KEYS.theme)).toBe("dark");
    const other = {
      ...data,
      settings: { theme: "light" },
      flows: [],
      conversations: [],
      runs: [],
      memoryMessages: [],
    };
    expect((await repo.restore(other)).themeRestored).toBe(false);
    expect(await storage.settings.get(KEYS.theme)).toBe("dark");
  });
});
