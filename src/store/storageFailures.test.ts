import { wrap } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FlowId } from "../engine/ids";
import type { LlmProvider, ProviderRequest } from "../engine/provider";
import type { RunSnapshot } from "../engine/runSnapshot";
import { DB_VERSION, STORE } from "../storage/dbSchema";
import { upgradeSchema } from "../storage/openDatabase";
import { refuseWrites, type WriteFaults } from "../storage/storageFaultSupport";
import { freshIndexedDB, openTestStorage } from "../storage/storageTestSupport";
import { openStudioStorage } from "../storage/studioStorage";
import { createStudioStore } from "./createStudioStore";
import { readJournal } from "./editJournal";
import {
  defined,
  type FakeBrowser,
  fakeBrowserServices,
  openTestStudio,
  type TestStudio,
} from "./storeTestSupport";

/*
 * Storage failing under the user: every refused write is said (what, why, what to do), nothing
 * the user had is lost (the journal keeps the edit, the reply stays on screen), full storage
 * makes the app read-only until space is freed, and storage that cannot open is said too.
 */

const MB = 1024 * 1024;
let faults: WriteFaults | null = null;
const studios: TestStudio[] = [];
afterEach(async () => {
  faults?.restore();
  faults = null;
  vi.useRealTimers();
  for (const s of studios.splice(0)) await s.state().dispose();
});

/** A browser whose storage reports `use` (bytes), changeable as the test goes. */
function browserUsing(use: { usage: number; quota: number }): FakeBrowser & {
  use: { usage: number; quota: number };
} {
  const browser = fakeBrowserServices({
    storageManager: { estimate: async () => ({ ...holder.use }) },
  });
  const holder = Object.assign(browser, { use });
  return holder;
}

async function page(options: Parameters<typeof openTestStudio>[0] = {}): Promise<TestStudio> {
  const studio = await openTestStudio(options);
  studios.push(studio);
  return studio;
}

const storedMessages = (studio: TestStudio) => studio.storage.db.getAll(STORE.memoryMessages);

describe("a write storage refuses", () => {
  it("a flow edit is said with the usage, kept in the journal, and saved by Retry", async () => {
    const browser = browserUsing({ usage: 48 * MB, quota: 50 * MB });
    const studio = await page({ browser });
    const flowId = defined(studio.editor.getState().flowId) as FlowId;
    faults = refuseWrites();
    faults.when = (store) => store === STORE.flows;

    studio.editor.getState().setName("Pirate chat");
    browser.hidePage();

    await vi.waitFor(() => expect(studio.state().storageNotices).toHaveLength(1));
    expect(studio.state().storageNotices[0]).toMatchObject({
      what: "Could not save flow 'Pirate chat'",
      reason: "Storage is full: 48 MB of 50 MB used",
      canRetry: true,
    });
    // Full: read-only until space is freed, and a message says so instead of failing.
    expect(studio.state().readOnly).toEqual({ use: { usage: 48 * MB, quota: 50 * MB } });
    expect(studio.state().sendBlocker()).toBe("Storage is full: free space, then send again.");
    expect(readJournal(browser.localStorage, flowId)?.flow.name).toBe("Pirate chat");
    expect((await studio.storage.flows.get(flowId))?.flow.name).toBe("Chat with memory");

    faults.when = () => false;
    await studio.state().retryStorageWrite(defined(studio.state().storageNotices[0]).id);
    expect((await studio.storage.flows.get(flowId))?.flow.name).toBe("Pirate chat");
    expect(studio.state().storageNotices).toEqual([]);
    expect(studio.state().readOnly).toBeNull();
  });

  it("a setting and a conversation rename are said too; a revision conflict is not a storage failure", async () => {
    const studio = await page();
    await studio.state().send("Hello");
    faults = refuseWrites();
    faults.name = "UnknownError";
    faults.when = (store) => store === STORE.settings || store === STORE.conversations;

    await expect(studio.state().setTheme("dark")).rejects.toThrow("UnknownError");
    const conversationId = defined(studio.state().conversationId);
    await expect(studio.state().renameConversation(conversationId, "Renamed")).rejects.toThrow();
    await vi.waitFor(() => expect(studio.state().storageNotices).toHaveLength(2));
    const reason =
      "The browser could not write to its storage (a disk error, or site data being cleared)";
    expect(studio.state().storageNotices).toEqual([
      expect.objectContaining({ what: "Could not save Settings", reason }),
      expect.objectContaining({ what: "Could not rename the conversation", reason }),
    ]);
    // Not full: nothing becomes read-only for a disk error.
    expect(studio.state().readOnly).toBeNull();

    studio.state().dismissStorageNotice(defined(studio.state().storageNotices[0]).id);
    await vi.waitFor(() => expect(studio.state().storageNotices).toHaveLength(1));
  });

  it("a message storage refuses before the call says so, and nothing is sent", async () => {
    const calls: string[] = [];
    const echo: LlmProvider = async (request: ProviderRequest) => {
      calls.push(request.messages.at(-1)?.content ?? "");
      return { text: "hi", usage: {} };
    };
    const studio = await page({ providers: async () => echo });
    faults = refuseWrites();
    faults.when = (store) => store === STORE.runs || store === STORE.conversations;

    await studio.state().send("Lost?");

    expect(calls).toEqual([]);
    expect(studio.state().turns.at(-1)).toMatchObject({
      input: "Lost?",
      status: "error",
      error: { message: "Not saved: Storage is full." },
    });
    expect(studio.state().storageNotices[0]?.what).toBe(
      "Could not save your message 'Lost?', so it was not sent",
    );
  });
});

describe("a reply whose final write fails", () => {
  for (const fallback of ["fails too", "is stored"] as const) {
    it(`stays on screen marked not saved, leaves no memory message behind (the fallback record ${fallback}), and Retry save stores it with its memory`, async () => {
      const studio = await page();
      await studio.state().send("One");
      expect(await storedMessages(studio)).toHaveLength(2);
      faults = refuseWrites();
      // Full storage (read-only follows), or a disk error (only the reply waits for a save).
      if (fallback === "is stored") faults.name = "UnknownError";
      // The run's final record (not its first, "running" one): the transaction that also
      // adds the memory messages fails after they were queued.
      faults.when = (store, value) => {
        const status = (value as RunSnapshot).status;
        return (
          store === STORE.runs &&
          (status === "ok" || (fallback === "fails too" && status === "error"))
        );
      };

      await studio.state().send("Two");

      const turn = defined(studio.state().turns.at(-1));
      expect(turn).toMatchObject({ input: "Two", status: "ok" });
      expect(Object.values(turn.outputs).join("")).toContain("Two");
      expect(studio.state().unsavedRunIds).toEqual([turn.runId]);
      // No orphan: the two messages of "One" only, none of the refused transaction.
      expect((await storedMessages(studio)).map((m) => m.content)).toEqual(
        (await storedMessages(studio)).filter((m) => m.runId !== turn.runId).map((m) => m.content),
      );
      expect(await storedMessages(studio)).toHaveLength(2);
      const stored = await studio.storage.runs.get(defined(turn.runId));
      expect(stored?.status).toBe(fallback === "fails too" ? "running" : "error");
      expect(studio.state().storageNotices.map((n) => n.what)).toEqual([
        "Could not save the reply to 'Two'",
      ]);
      expect(studio.state().sendBlocker()).toBe(
        fallback === "fails too"
          ? "Storage is full: free space, then send again."
          : "The last reply is not saved: press Retry save first.",
      );

      faults.when = () => false;
      await studio.state().retryStorageWrite(`saver.finishRun:${turn.runId}`);

      expect((await studio.storage.runs.get(defined(turn.runId)))?.status).toBe("ok");
      expect(await storedMessages(studio)).toHaveLength(4);
      expect(studio.state().unsavedRunIds).toEqual([]);
      expect(studio.state().storageNotices).toEqual([]);
      // The conversation goes on from the saved reply, with its memory.
      await studio.state().send("Three");
      expect(studio.state().turns.map((t) => t.status)).toEqual(["ok", "ok", "ok"]);
      expect(await storedMessages(studio)).toHaveLength(6);
    });
  }
});

describe("the quota watch", () => {
  it("warns at 80% until dismissed, warns again when usage crosses again, and goes read-only at 98% until a delete frees room", async () => {
    const browser = browserUsing({ usage: 41 * MB, quota: 50 * MB });
    const studio = await page({ browser });
    await vi.waitFor(() =>
      expect(studio.state().quotaWarning).toEqual({ usage: 41 * MB, quota: 50 * MB }),
    );
    studio.state().dismissQuotaWarning();
    await vi.waitFor(() => expect(studio.state().quotaWarning).toBeNull());
    await studio.state().send("Hi");
    const conversationId = defined(studio.state().conversationId);

    // A delete looks at the quota at once: still above 80%, still dismissed.
    await studio.state().deleteConversation(conversationId);
    await new Promise((tick) => setTimeout(tick, 20));
    expect(studio.state().quotaWarning).toBeNull();
    // Below, then above again: the warning returns.
    browser.use = { usage: 10 * MB, quota: 50 * MB };
    await studio.state().deleteConversation(conversationId);
    browser.use = { usage: 45 * MB, quota: 50 * MB };
    await studio.state().deleteConversation(conversationId);
    await vi.waitFor(() => expect(studio.state().quotaWarning?.usage).toBe(45 * MB));

    browser.use = { usage: 49.5 * MB, quota: 50 * MB };
    await studio.state().deleteConversation(conversationId);
    await vi.waitFor(() => expect(studio.state().readOnly).not.toBeNull());
    expect(studio.state().sendBlocker()).toMatch(/^Storage is full/);

    await studio.state().send("Hi again");
    expect(studio.state().turns).toEqual([]);
    const users = await studio.state().spaceUsers();
    expect(users).toEqual([]);

    browser.use = { usage: 30 * MB, quota: 50 * MB };
    await studio.state().deleteConversation(conversationId);
    await vi.waitFor(() => expect(studio.state().readOnly).toBeNull());
    expect(studio.state().sendBlocker()).toBeNull();
  });

  it("Free space lists conversations largest first, and deleting one goes through the cascade", async () => {
    const studio = await page();
    await studio.state().send("short");
    const small = defined(studio.state().conversationId);
    studio.state().newConversation();
    await studio.state().send("x".repeat(5000));
    const large = defined(studio.state().conversationId);

    const users = await studio.state().spaceUsers();
    expect(users.map((u) => u.conversationId)).toEqual([large, small]);
    expect(users[0]).toMatchObject({ flowName: "Chat with memory", runs: 1 });
    expect(defined(users[0]).bytes).toBeGreaterThan(10_000);

    await studio.state().freeSpace(large);
    expect((await studio.state().spaceUsers()).map((u) => u.conversationId)).toEqual([small]);
    expect((await storedMessages(studio)).filter((m) => m.conversationId === large)).toHaveLength(
      0,
    );
  });
});

describe("storage that cannot open", () => {
  it("says after 3 s that another tab holds an older version, and opens once it closes", async () => {
    const indexedDB = freshIndexedDB();
    // An older tab: version 1, and it does not close when asked.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("test", DB_VERSION - 1);
      request.onupgradeneeded = () =>
        upgradeSchema(
          wrap(request.result) as never,
          0,
          wrap(request.transaction as IDBTransaction) as never,
        );
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: (options) => openStudioStorage({ indexedDB, name: "test", ...options }),
    });
    const opening = store.getState().init();
    await vi.waitFor(() => expect(store.getState().openingStuck).toBeNull());
    await vi.advanceTimersByTimeAsync(3000);
    await vi.waitFor(() => expect(store.getState().openingStuck).toBe("blocked"));
    expect(store.getState().status).toBe("loading");

    older.close();
    vi.useRealTimers();
    await opening;
    expect(store.getState()).toMatchObject({ status: "ready", openingStuck: null });
    await store.getState().dispose();
  });

  it("says after 3 s that storage does not answer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: () => new Promise(() => {}),
    });
    void store.getState().init();
    await vi.advanceTimersByTimeAsync(2900);
    expect(store.getState().openingStuck).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().openingStuck).toBe("slow");
  });

  it("runs in memory with the reason when IndexedDB is refused, and everything works", async () => {
    const memory = await openTestStorage();
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: async () => {
        throw new DOMException(
          "The user denied permission to access the database.",
          "UnknownError",
        );
      },
      memoryStorage: async () => memory,
    });
    await store.getState().init();
    expect(store.getState()).toMatchObject({
      status: "ready",
      memoryOnly: "The user denied permission to access the database.",
    });
    await store.getState().send("Hello");
    expect(store.getState().turns.at(-1)?.status).toBe("ok");
    expect(await memory.db.count(STORE.runs)).toBe(1);
    await store.getState().dispose();
  });

  it("opens on a new flow, saying why, when the last flow's record cannot be shown", async () => {
    const storage = await openTestStorage();
    const first = await page({ storage });
    const flowId = defined(first.editor.getState().flowId);
    await first.state().dispose();
    // A record this build cannot read (written by something else, or damaged).
    await storage.db.put(STORE.flows, {
      id: flowId,
      revision: 1,
      createdAt: 1,
      updatedAt: 9e15,
    } as never);

    const again = await page({ storage });
    expect(again.state().status).toBe("ready");
    expect(again.editor.getState().flowId).not.toBe(flowId);
    await vi.waitFor(() =>
      expect(again.state().storageNotices[0]?.what).toBe(
        "Could not open your last flow, so a new one was opened",
      ),
    );
    expect(again.state().flows.map((f) => f.name)).toContain("Unreadable flow");
  });
});

describe("a newer version opened in another tab", () => {
  it("saves the run in flight as interrupted with its partial text, then closes so that tab opens", async () => {
    const indexedDB = freshIndexedDB();
    let release: () => void = () => {};
    const hangs: LlmProvider = (request) => {
      request.onDelta("partial reply");
      return new Promise((_, reject) => {
        release = () => reject(new Error("never"));
        request.signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    };
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      providers: async () => hangs,
      storage: (options) => openStudioStorage({ indexedDB, name: "test", ...options }),
    });
    await store.getState().init();
    const sending = store.getState().send("Keep me");
    await vi.waitFor(() => expect(store.getState().turns.at(-1)?.runId).toBeDefined());
    const runId = defined(store.getState().turns.at(-1)?.runId);

    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("test", DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await sending;
    release();

    expect(store.getState().replaced).toBe(true);
    expect(store.getState().turns.at(-1)).toMatchObject({
      input: "Keep me",
      status: "interrupted",
    });
    const stored = await new Promise<RunSnapshot>((resolve, reject) => {
      const request = upgraded.transaction(STORE.runs).objectStore(STORE.runs).get(runId);
      request.onsuccess = () => resolve(request.result as RunSnapshot);
      request.onerror = () => reject(request.error);
    });
    expect(stored.status).toBe("interrupted");
    expect(stored.outputs.output).toBe("partial reply");
    upgraded.close();
  });
});
