import { afterEach, describe, expect, it, vi } from "vitest";
import { conversationId, messageId, runId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import { CorruptStorageError } from "./storageErrors";
import {
  CONV_A,
  chain,
  FLOW_1,
  FLOW_2,
  freshIndexedDB,
  lastOf,
  openTestStorage,
  testRun,
} from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

const contents = (messages: readonly MemoryMessage[]) => messages.map((m) => m.content);

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
  vi.restoreAllMocks();
});

describe("IndexedDbSaver messages", () => {
  it("reads back what was appended, newest first, after the database is closed and reopened", async () => {
    const indexedDB = freshIndexedDB();
    const first = await openTestStorage(indexedDB);
    const turn1 = chain("m", ["Hi! My name is David", "Hello David"]);
    await first.saver.appendMessages(turn1);
    first.close();

    storage = await openTestStorage(indexedDB);
    const turn2 = chain("n", ["What is my name?", "David"], { after: lastOf(turn1) });
    await storage.saver.appendMessages(turn2);

    const history = await storage.saver.readBack(lastOf(turn2).id, Infinity);
    expect(contents(history)).toEqual([
      "David",
      "What is my name?",
      "Hello David",
      "Hi! My name is David",
    ]);
  });

  it("stops at the limit and returns nothing for a limit of 0 or an empty log", async () => {
    storage = await openTestStorage();
    const log = chain("m", ["U1", "A1", "U2", "A2", "U3", "A3", "U4", "A4"]);
    await storage.saver.appendMessages(log);
    const head = lastOf(log).id;

    expect(contents(await storage.saver.readBack(head, 5))).toEqual(["A4", "U4", "A3", "U3", "A2"]);
    expect(await storage.saver.readBack(head, 0)).toEqual([]);
    expect(await storage.saver.readBack(null, 5)).toEqual([]);
    expect(await storage.saver.readBack(head, 100)).toHaveLength(8);
  });

  it("reads each branch's own history when two branches share a prefix", async () => {
    storage = await openTestStorage();
    const shared = chain("s", ["U1", "A1"]);
    const original = chain("b1", ["U2", "A2"], { after: lastOf(shared) });
    const edited = chain("b2", ["U2 edited", "A2 edited"], { after: lastOf(shared) });
    await storage.saver.appendMessages(shared);
    await storage.saver.appendMessages(original);
    await storage.saver.appendMessages(edited);

    expect(contents(await storage.saver.readBack(lastOf(original).id, Infinity))).toEqual([
      "A2",
      "U2",
      "A1",
      "U1",
    ]);
    expect(contents(await storage.saver.readBack(lastOf(edited).id, Infinity))).toEqual([
      "A2 edited",
      "U2 edited",
      "A1",
      "U1",
    ]);
  });

  it("stores none of a batch when one message's id already exists", async () => {
    storage = await openTestStorage();
    const [u1, a1] = chain("m", ["U1", "A1"]);
    if (!u1 || !a1) throw new Error("chain too short");
    await storage.saver.appendMessages([u1]);

    const clash = { ...a1, id: u1.id, content: "overwrites U1?" };
    const later = chain("z", ["U2"], { after: a1 });
    await expect(storage.saver.appendMessages([a1, clash, ...later])).rejects.toThrow(
      /none of the 3 messages were stored.*ConstraintError/,
    );

    expect(await storage.messages.resolve([u1.id])).toEqual([u1]);
    expect(await storage.db.get("memoryMessages", a1.id)).toBeUndefined();
    expect(await storage.db.count("memoryMessages")).toBe(1);
  });

  it("stores none of a batch when one message cannot be stored at all", async () => {
    storage = await openTestStorage();
    const [u1, a1] = chain("m", ["U1", "A1"]);
    if (!u1 || !a1) throw new Error("chain too short");
    // Simulates a caller bug the types would catch: a message with no key.
    const keyless = { ...a1, id: undefined } as unknown as MemoryMessage;
    await expect(storage.saver.appendMessages([u1, keyless])).rejects.toThrow(
      /none of the 2 messages were stored/,
    );
    expect(await storage.db.count("memoryMessages")).toBe(0);
  });

  it("throws a clear error naming a message the log links to but storage lost", async () => {
    storage = await openTestStorage();
    const log = chain("m", ["U1", "A1", "U2"]);
    await storage.saver.appendMessages(log);
    await storage.db.delete("memoryMessages", messageId("m-1"));

    const read = storage.saver.readBack(lastOf(log).id, Infinity);
    await expect(read).rejects.toThrow(CorruptStorageError);
    await expect(storage.saver.readBack(lastOf(log).id, Infinity)).rejects.toThrow(/m-1/);
    // A window that ends before the hole is still readable.
    expect(contents(await storage.saver.readBack(lastOf(log).id, 1))).toEqual(["U2"]);
  });

  it("reads a window of 5 from a 10,000-message log with 5 gets, never scanning the store", async () => {
    storage = await openTestStorage();
    const log = chain(
      "m",
      Array.from({ length: 10_000 }, (_, i) => `message ${i}`),
    );
    await storage.saver.appendMessages(log);

    // Counted at the IndexedDB API itself, so no caching layer can hide a scan.
    const get = vi.spyOn(IDBObjectStore.prototype, "get");
    const getAll = vi.spyOn(IDBObjectStore.prototype, "getAll");
    const scans = [
      vi.spyOn(IDBObjectStore.prototype, "getAllKeys"),
      vi.spyOn(IDBObjectStore.prototype, "openCursor"),
      vi.spyOn(IDBObjectStore.prototype, "count"),
      vi.spyOn(IDBIndex.prototype, "getAll"),
      vi.spyOn(IDBIndex.prototype, "openCursor"),
    ];
    const window = await storage.saver.readBack(lastOf(log).id, 5);

    expect(contents(window)).toEqual([
      "message 9999",
      "message 9998",
      "message 9997",
      "message 9996",
      "message 9995",
    ]);
    expect(get).toHaveBeenCalledTimes(5);
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    // One range read of this memory's edits (settings records), never of the messages.
    expect(getAll).toHaveBeenCalledTimes(1);
    expect((getAll.mock.contexts[0] as IDBObjectStore).name).toBe("settings");
    expect(((getAll.mock.calls[0] ?? [])[0] as IDBKeyRange).lower).toMatch(/^memoryEdit:/);
  });
});

describe("IndexedDbSaver runs", () => {
  it("refuses a run whose conversation does not exist, and stores nothing", async () => {
    storage = await openTestStorage();
    const run = testRun("r1");
    await expect(storage.saver.finishRun(run, [])).rejects.toThrow(/conv-a, which does not exist/);
    expect(await storage.saver.loadRun(run.id)).toBeUndefined();
    expect(await storage.conversations.get(CONV_A)).toBeUndefined();
  });

  it("moves the head to each newly saved run and bumps updatedAt, keeping the title", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1, title: "My chat" });
    const before = await storage.conversations.get(CONV_A);

    await storage.saver.finishRun(testRun("r1"), []);
    await storage.saver.finishRun(testRun("r2", { parent: "r1" }), []);

    const after = await storage.conversations.get(CONV_A);
    expect(after?.headRunId).toBe(runId("r2"));
    expect(after?.title).toBe("My chat");
    expect(after?.updatedAt).toBeGreaterThan(before?.updatedAt ?? Infinity);
  });

  it("saves nothing when the run names a conversation of another flow", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    await storage.saver.finishRun(testRun("r1"), []);
    const foreign = testRun("r2", { parent: "r1", flowId: FLOW_2 });

    await expect(storage.saver.finishRun(foreign, [])).rejects.toThrow(/belongs to flow/);
    expect(await storage.saver.loadRun(foreign.id)).toBeUndefined();
    expect((await storage.conversations.get(CONV_A))?.headRunId).toBe(runId("r1"));
  });

  it("returns undefined for a run that was never saved", async () => {
    storage = await openTestStorage();
    expect(await storage.saver.loadRun(runId("nope"))).toBeUndefined();
    expect(await storage.conversations.get(conversationId("nope"))).toBeUndefined();
  });
});
