import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { flowId } from "../engine/ids";
import { openTestStorage } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { SAVE_DELAY_MS, startAutosave } from "./autosave";
import { createFlowSaver } from "./flowSaver";
import { createFlowStore, type FlowStoreApi } from "./flowStore";
import { SETTINGS } from "./settingsKeys";
import { type FakeBrowser, fakeBrowserServices } from "./storeTestSupport";

const A = flowId("flow-a");
const B = flowId("flow-b");

let storage: StudioStorage;
let editor: FlowStoreApi;
let browser: FakeBrowser;
let saves: number;
let stop: () => Promise<void>;

beforeEach(async () => {
  storage = await openTestStorage();
  editor = createFlowStore();
  browser = fakeBrowserServices();
  saves = 0;
  for (const [id, name] of [
    [A, "A"],
    [B, "B"],
  ] as const) {
    await storage.flows.save(id, { ...loadFlow("chat-with-memory"), name });
  }
  const a = await storage.flows.get(A);
  editor.getState().open(A, a?.flow ?? loadFlow("chat-with-memory"), null, a?.revision);
  stop = startAutosave({
    editor,
    saver: createFlowSaver(storage, editor),
    settings: storage.settings,
    browser,
    onSaved: () => saves++,
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await stop();
  storage.close();
});

const storedName = async (id = A) => (await storage.flows.get(id))?.flow.name;
/** Lets the saves the autosave started reach fake-indexeddb. */
const settle = () => vi.waitFor(async () => expect(saves).toBeGreaterThan(0));

describe("autosave", () => {
  it("saves once after a burst of edits, when the editing pauses", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    for (const name of ["A1", "A12", "A123"]) {
      editor.getState().setName(name);
      vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    }
    expect(saves).toBe(0);
    expect(await storedName()).toBe("A");
    vi.advanceTimersByTime(1);
    await settle();
    expect(saves).toBe(1);
    expect(await storedName()).toBe("A123");
  });

  it("saves at once when the page is hidden or closed, viewport included", async () => {
    editor.getState().setName("Before hiding");
    editor.getState().setViewport({ x: 1, y: 2, zoom: 1.5 });
    browser.hidePage();
    await settle();
    expect(await storedName()).toBe("Before hiding");
    expect(await storage.settings.get(SETTINGS.viewport(A))).toEqual({ x: 1, y: 2, zoom: 1.5 });
  });

  it("finishes saving the flow left when another is opened, and does not save the one opened", async () => {
    editor.getState().setName("Edited A");
    const b = await storage.flows.get(B);
    editor.getState().open(B, b?.flow ?? loadFlow("chat-with-memory"), null, b?.revision);
    await settle();
    expect(await storedName(A)).toBe("Edited A");
    expect((await storage.flows.get(B))?.revision).toBe(1);
  });

  it("saves what is pending when stopped, and nothing after", async () => {
    editor.getState().setName("Pending");
    await stop();
    expect(await storedName()).toBe("Pending");
    editor.getState().setName("After stop");
    browser.hidePage();
    expect(await storedName()).toBe("Pending");
  });
});
