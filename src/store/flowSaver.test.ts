import { afterEach, describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { flowId } from "../engine/ids";
import { openTestStorage } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { CONFLICT_NOTICE, createFlowSaver } from "./flowSaver";
import { createFlowStore } from "./flowStore";

let storage: StudioStorage | undefined;
afterEach(() => storage?.close());

const FLOW = flowId("f");

async function openSaved() {
  storage = await openTestStorage();
  const editor = createFlowStore();
  const record = await storage.flows.save(FLOW, loadFlow("chat-with-memory"));
  editor.getState().open(FLOW, record.flow, null, record.revision);
  return { s: storage, editor, saver: createFlowSaver(storage, editor) };
}

describe("saving the open flow", () => {
  it("saves edit after edit, even when saves overlap", async () => {
    const { s, editor, saver } = await openSaved();
    editor.getState().setName("First");
    const first = saver.saveOpenFlow();
    editor.getState().setName("Second");
    const second = saver.saveOpenFlow();
    expect((await first)?.revision).toBe(2);
    expect((await second)?.revision).toBe(3);
    expect((await s.flows.get(FLOW))?.flow.name).toBe("Second");
    expect(editor.getState().notice).toBeNull();
  });

  it("never overwrites a newer save from another tab, and says so", async () => {
    const { s, editor, saver } = await openSaved();
    // Another tab saves its own version of the same flow.
    await s.flows.save(FLOW, { ...loadFlow("chat-with-memory"), name: "From the other tab" });
    editor.getState().setName("From this tab");
    expect(await saver.saveOpenFlow()).toBeNull();
    expect((await s.flows.get(FLOW))?.flow.name).toBe("From the other tab");
    expect(editor.getState().notice).toBe(CONFLICT_NOTICE);
  });

  it("saves nothing when no flow is open", async () => {
    storage = await openTestStorage();
    const saver = createFlowSaver(storage, createFlowStore());
    expect(await saver.saveOpenFlow()).toBeNull();
    expect(await storage.flows.list()).toEqual([]);
  });
});
