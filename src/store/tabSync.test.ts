import { afterEach, describe, expect, it, vi } from "vitest";
import { echoProvider } from "../engine/echoProvider";
import type { LlmProvider } from "../engine/provider";
import { openTestStorage, tickingClock } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { type KeyValueStorage, memoryKeyValueStorage } from "./browserServices";
import { BRANCHED_NOTICE } from "./conversationLock";
import { defined, fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";
import { linkedTabs, sharedLocks } from "./tabsTestSupport";

/*
 * Two tabs of the app on one database: what one does, the other shows without a reload, and
 * neither loses or interleaves the other's messages.
 */

const studios: TestStudio[] = [];
afterEach(async () => {
  for (const s of studios.splice(0)) await s.state().dispose();
});

/** A model the test answers by hand: each call waits for `release()`, then echoes. */
function gatedProvider() {
  const waiting: (() => void)[] = [];
  const provider: LlmProvider = async (request) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return echoProvider(request);
  };
  return {
    provider,
    calls: () => waiting.length,
    release: () => waiting.shift()?.(),
  };
}

interface Browser {
  storage: StudioStorage;
  hub: ReturnType<typeof linkedTabs>;
  local: KeyValueStorage;
  locks: ReturnType<typeof sharedLocks>;
  clock: () => number;
}

async function browser(): Promise<Browser> {
  return {
    storage: await openTestStorage(),
    hub: linkedTabs(),
    local: memoryKeyValueStorage(),
    locks: sharedLocks(),
    clock: tickingClock(),
  };
}

/** One tab of `b`: its own store, editor and sessionStorage; the same database and channel. */
async function tab(b: Browser, provider: LlmProvider = echoProvider): Promise<TestStudio> {
  const studio = await openTestStudio({
    storage: b.storage,
    clock: b.clock,
    providers: async () => provider,
    browser: fakeBrowserServices({ localStorage: b.local, tabs: b.hub.tab(), locks: b.locks }),
  });
  studios.push(studio);
  return studio;
}

/** What the chat shows: each turn's message and status. */
const shown = (s: TestStudio) => s.state().turns.map((t) => `${t.input}:${t.status}`);

/** Both tabs on one conversation, started in A with "One". */
async function twoTabsOnOneConversation(provider?: LlmProvider) {
  const b = await browser();
  const a = await tab(b, provider);
  const other = await tab(b, provider);
  return { b, a, other };
}

async function startConversation(a: TestStudio, other: TestStudio) {
  await a.state().send("One");
  const id = defined(a.state().conversationId);
  await vi.waitFor(() => expect(other.state().conversations.map((c) => c.id)).toContain(id));
  await other.state().openConversation(id);
  return id;
}

describe("chatting in two tabs", () => {
  it("lets the other tab send after one has chatted, with no reload and no conflict", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    const revision = a.editor.getState().revision;
    await a.state().send("From A");
    await other.state().send("From B");
    expect(shown(other)).toEqual(["From B:ok"]);
    expect(other.state().flowConflict).toBeNull();
    expect(a.editor.getState().revision).toBe(revision);
    expect(other.editor.getState().revision).toBe(revision);
  });

  it("shows the other tab's new messages in the open conversation", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    await startConversation(a, other);
    await a.state().send("Two");
    await vi.waitFor(() => expect(shown(other)).toEqual(["One:ok", "Two:ok"]));
    expect(other.state().headRunId).toBe(a.state().headRunId);
  });

  it("shows the other tab's reply while it is still coming, as running, not interrupted", async () => {
    const gate = gatedProvider();
    const { a, other } = await twoTabsOnOneConversation(gate.provider);
    const first = a.state().send("One");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await first;
    await other.state().openConversation(defined(a.state().conversationId));
    const second = a.state().send("Two");
    await vi.waitFor(() => expect(shown(other)).toEqual(["One:ok", "Two:running"]));
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await second;
    await vi.waitFor(() => expect(shown(other)).toEqual(["One:ok", "Two:ok"]));
  });

  it("runs two messages sent at once one after the other: the second continues from the first reply", async () => {
    const gate = gatedProvider();
    const { a, other, b } = await twoTabsOnOneConversation(gate.provider);
    const first = a.state().send("One");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await first;
    const id = defined(a.state().conversationId);
    await other.state().openConversation(id);

    const fromA = a.state().send("From A");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    const fromB = other.state().send("From B");
    // B waits for A's reply and says so; nothing of B's is stored or called meanwhile.
    await vi.waitFor(() => expect(other.state().waitingForTab).toBe(true));
    expect(gate.calls()).toBe(1);
    gate.release();
    await fromA;
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await fromB;

    expect(other.state().waitingForTab).toBe(false);
    expect(shown(other)).toEqual(["One:ok", "From A:ok", "From B:ok"]);
    const runs = await b.storage.runs.listByConversation(id);
    const runA = defined(runs.find((r) => r.input === "From A"));
    const runB = defined(runs.find((r) => r.input === "From B"));
    expect(runB.parentRunId).toBe(runA.id);
    // B's call saw A's exchange in memory: the whole conversation, in order, each once.
    const head = defined(runB.memoryHeads.chat_llm);
    const memory = (await b.storage.saver.readBack(head, Infinity)).reverse();
    expect(memory.map((m) => m.content.split(" ")[0])).toEqual([
      "One",
      "Echo:",
      "From",
      "Echo:",
      "From",
      "Echo:",
    ]);
    expect(memory.filter((m) => m.role === "user").map((m) => m.content)).toEqual([
      "One",
      "From A",
      "From B",
    ]);
    await vi.waitFor(() => expect(shown(a)).toEqual(shown(other)));
  });

  it("makes the waiting message a branch, and says so, when the other tab moved to another branch", async () => {
    const gate = gatedProvider();
    const { a, other, b } = await twoTabsOnOneConversation(gate.provider);
    for (const text of ["One", "Two"]) {
      const sent = a.state().send(text);
      await vi.waitFor(() => expect(gate.calls()).toBe(1));
      gate.release();
      await sent;
    }
    const id = defined(a.state().conversationId);
    await other.state().openConversation(id);

    // A edits its first message (a new branch beside "One") while B continues after "Two".
    const edit = a.state().editMessage(0, "One, edited");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    const fromB = other.state().send("Three");
    await vi.waitFor(() => expect(other.state().waitingForTab).toBe(true));
    gate.release();
    await edit;
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await fromB;

    expect(shown(other)).toEqual(["One:ok", "Two:ok", "Three:ok"]);
    expect(other.state().tabNotice).toBe(BRANCHED_NOTICE);
    const runs = await b.storage.runs.listByConversation(id);
    const two = defined(runs.find((r) => r.input === "Two"));
    expect(runs.find((r) => r.input === "Three")?.parentRunId).toBe(two.id);
  });

  it("Stop while waiting for the other tab's reply sends nothing, says so, and Retry sends it after", async () => {
    const gate = gatedProvider();
    const { a, other, b } = await twoTabsOnOneConversation(gate.provider);
    const first = a.state().send("One");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await first;
    const id = defined(a.state().conversationId);
    await other.state().openConversation(id);

    const fromA = a.state().send("From A");
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    const fromB = other.state().send("From B");
    await vi.waitFor(() => expect(other.state().waitingForTab).toBe(true));
    other.state().stop();
    await fromB;
    expect(other.state().turns.at(-1)).toMatchObject({ input: "From B", status: "error" });
    expect(other.state().turns.at(-1)?.error?.message).toMatch(/^Stopped before it was sent/);
    gate.release();
    await fromA;
    const runs = await b.storage.runs.listByConversation(id);
    expect(runs.map((r) => r.input).sort()).toEqual(["From A", "One"]);

    const retry = other.state().regenerate(other.state().turns.length - 1);
    await vi.waitFor(() => expect(gate.calls()).toBe(1));
    gate.release();
    await retry;
    expect(other.state().turns.at(-1)).toMatchObject({ input: "From B", status: "ok" });
  });

  it("runs unlocked where the browser has no Web Locks", async () => {
    const b = await browser();
    const studio = await openTestStudio({
      storage: b.storage,
      browser: fakeBrowserServices({ tabs: b.hub.tab(), locks: null }),
    });
    studios.push(studio);
    await studio.state().send("One");
    await studio.state().send("Two");
    expect(shown(studio)).toEqual(["One:ok", "Two:ok"]);
  });
});

describe("conversations and flows in two tabs", () => {
  it("follows renames and deletes of conversations", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    const id = await startConversation(a, other);
    await a.state().renameConversation(id, "Renamed in A");
    await vi.waitFor(() =>
      expect(other.state().conversations.map((c) => c.title)).toEqual(["Renamed in A"]),
    );
    await a.state().deleteConversation(id);
    await vi.waitFor(() => expect(other.state().conversationId).toBeNull());
    expect(other.state().conversations).toEqual([]);
    expect(other.state().turns).toEqual([]);
  });

  it("follows flows created, renamed and deleted", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    const created = defined(await a.state().createFlow("chatWithMemory"));
    await vi.waitFor(() => expect(other.state().flows.map((f) => f.id)).toContain(created));
    await a.state().renameFlow(created, "Named in A");
    await vi.waitFor(() =>
      expect(other.state().flows.find((f) => f.id === created)?.name).toBe("Named in A"),
    );
    await a.state().deleteFlow(created);
    await vi.waitFor(() => expect(other.state().flows.map((f) => f.id)).not.toContain(created));
  });

  it("loads the other tab's saved edit into an unedited editor", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    a.editor.getState().setName("Edited in A");
    a.browser.hidePage();
    await vi.waitFor(() => expect(other.editor.getState().flow?.name).toBe("Edited in A"));
    expect(other.editor.getState().revision).toBe(a.editor.getState().revision);
    expect(other.state().flowConflict).toBeNull();
    // Loading it is not an edit: B saves nothing back (A's revision stays the newest).
    await other.state().dispose();
    expect(defined(await a.storage.flows.get(defined(a.editor.getState().flowId))).revision).toBe(
      a.editor.getState().revision,
    );
  });
});

describe("an edit to a flow another tab saved meanwhile", () => {
  /** B edits the flow; A saves its own edit first; B is asked which to keep. */
  async function conflict() {
    const { a, other, b } = await twoTabsOnOneConversation();
    const flowId = defined(a.editor.getState().flowId);
    other.editor.getState().setName("Mine");
    a.editor.getState().setName("Theirs");
    a.browser.hidePage();
    await vi.waitFor(() => expect(other.state().flowConflict).toEqual({ flowId, name: "Mine" }));
    return { a, other, b, flowId };
  }

  it("takes theirs: this tab's edit is dropped and the other tab's version opens", async () => {
    const { a, other, b, flowId } = await conflict();
    await other.state().takeTheirFlow();
    expect(other.state().flowConflict).toBeNull();
    expect(other.editor.getState().flow?.name).toBe("Theirs");
    expect(other.editor.getState().revision).toBe(a.editor.getState().revision);
    await other.state().dispose();
    expect((await b.storage.flows.get(flowId))?.flow.name).toBe("Theirs");
    expect((await b.storage.flows.list()).map((f) => f.flow.name)).toEqual(["Theirs"]);
  });

  it("keeps mine as a copy: a new flow holds this tab's version, theirs stays as saved", async () => {
    const { other, b, flowId } = await conflict();
    const copy = defined(await other.state().keepMyFlowAsCopy());
    expect(other.state().flowConflict).toBeNull();
    expect(other.editor.getState().flowId).toBe(copy);
    expect(other.editor.getState().flow?.name).toBe("Mine (my copy)");
    await other.state().dispose();
    expect((await b.storage.flows.get(flowId))?.flow.name).toBe("Theirs");
    expect((await b.storage.flows.get(copy))?.flow.name).toBe("Mine (my copy)");
  });

  it("a send over the conflicting edit says why, and works once the user has chosen", async () => {
    const { other } = await conflict();
    await other.state().send("Hi");
    expect(other.state().turns[0]?.status).toBe("error");
    await other.state().takeTheirFlow();
    await other.state().regenerate(0);
    expect(shown(other)).toEqual(["Hi:ok"]);
  });
});

describe("settings in two tabs", () => {
  it("a key saved in one tab works in the other at once, and never crosses in a message", async () => {
    const { a, other, b } = await twoTabsOnOneConversation();
    await a.state().setCredential("openai", { apiKey: "sk-tab-secret-123" });
    await vi.waitFor(() =>
      expect(other.state().credentials.openai?.apiKey).toBe("sk-tab-secret-123"),
    );
    expect(b.hub.posted.length).toBeGreaterThan(0);
    expect(JSON.stringify(b.hub.posted)).not.toContain("sk-tab-secret");
  });

  it("the theme and the timeouts follow", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    await a.state().setTheme("dark");
    await a.state().setCallTimeouts({ idleMs: 5_000 });
    await vi.waitFor(() => expect(other.state().theme).toBe("dark"));
    await vi.waitFor(() => expect(other.state().callTimeouts.idleMs).toBe(5_000));
  });
});

describe("a backup restored in one tab", () => {
  it("lists the restored flows in the other tab", async () => {
    const { a, other } = await twoTabsOnOneConversation();
    const data = await a.state().backupData();
    const restored = defined(await a.state().restoreBackup(data));
    const ids = restored.flows.map((f) => f.id);
    await vi.waitFor(() =>
      expect(other.state().flows.map((f) => f.id)).toEqual(expect.arrayContaining(ids)),
    );
  });
});
