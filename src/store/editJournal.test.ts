import { afterEach, describe, expect, it, vi } from "vitest";
import { openTestStorage } from "../storage/storageTestSupport";
import { SAVE_DELAY_MS } from "./autosave";
import { JOURNAL_MAX_NODES, readJournal, writeJournal } from "./editJournal";
import { defined, fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";

/*
 * An edit made just before a reload, before the debounced save could reach IndexedDB, is
 * journaled synchronously in localStorage and replayed when the page loads again.
 */

const studios: TestStudio[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of studios.splice(0)) await s.state().dispose();
});

async function page(options: Parameters<typeof openTestStudio>[0] = {}) {
  const studio = await openTestStudio(options);
  studios.push(studio);
  return studio;
}

describe("the edit journal", () => {
  it("replays on load an edit a reload cut off before its save", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    const flowId = defined(first.editor.getState().flowId);
    // The autosave's delay never passes on this page: the reload comes first.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    first.editor.getState().setName("Typed just before the reload");
    expect((await storage.flows.get(flowId))?.flow.name).not.toBe("Typed just before the reload");

    const reloaded = await page({ storage, browser });
    expect(reloaded.editor.getState().flow?.name).toBe("Typed just before the reload");
    expect((await storage.flows.get(flowId))?.flow.name).toBe("Typed just before the reload");
    expect(readJournal(browser.localStorage, flowId)).toBeNull();
  });

  it("is cleared once the edit is saved", async () => {
    const studio = await page();
    const flowId = defined(studio.editor.getState().flowId);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    studio.editor.getState().setName("Saved in time");
    expect(readJournal(studio.browser.localStorage, flowId)?.flow.name).toBe("Saved in time");
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await vi.waitFor(() => expect(readJournal(studio.browser.localStorage, flowId)).toBeNull());
    expect((await studio.storage.flows.get(flowId))?.flow.name).toBe("Saved in time");
  });

  it("keeps an edit made while the save before it was in flight, on the new revision", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    const flowId = defined(first.editor.getState().flowId);
    const before = defined(await storage.flows.get(flowId)).revision;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    first.editor.getState().setName("First edit");
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    // The save of "First edit" is on its way to IndexedDB: the next edit builds on it.
    first.editor.getState().setName("Second edit");
    await vi.waitFor(async () =>
      expect(defined(await storage.flows.get(flowId)).revision).toBe(before + 1),
    );
    await vi.waitFor(() =>
      expect(readJournal(browser.localStorage, flowId)).toMatchObject({
        baseRevision: before + 1,
        flow: { name: "Second edit" },
      }),
    );

    const reloaded = await page({ storage, browser });
    expect(reloaded.editor.getState().flow?.name).toBe("Second edit");
  });

  it("is dropped when the stored flow is newer (saved since, here or in another tab)", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    const flowId = defined(first.editor.getState().flowId);
    const stored = defined(await storage.flows.get(flowId));
    await storage.flows.save(flowId, { ...stored.flow, name: "Saved by another tab" });
    writeJournal(browser.localStorage, {
      flowId,
      baseRevision: stored.revision,
      flow: { ...stored.flow, name: "Stale edit" },
    });

    const reloaded = await page({ storage, browser });
    expect(reloaded.editor.getState().flow?.name).toBe("Saved by another tab");
    expect(readJournal(browser.localStorage, flowId)).toBeNull();
  });

  it("skips a flow too large for Web Storage, and drops the entry of an earlier edit", async () => {
    const studio = await page();
    const flowId = defined(studio.editor.getState().flowId);
    const flow = defined(studio.editor.getState().flow);
    const storage = studio.browser.localStorage;
    writeJournal(storage, { flowId, baseRevision: 1, flow: { ...flow, name: "Earlier edit" } });
    const nodes = Array.from({ length: JOURNAL_MAX_NODES + 1 }, (_, i) => ({
      ...defined(flow.nodes[0]),
      id: `big_${i}` as (typeof flow.nodes)[number]["id"],
    }));
    writeJournal(storage, { flowId, baseRevision: 1, flow: { ...flow, nodes } });
    // A reload replays nothing rather than the earlier edit over the later one.
    expect(readJournal(storage, flowId)).toBeNull();
  });
});
