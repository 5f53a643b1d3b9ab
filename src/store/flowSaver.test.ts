import { afterEach, describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { flowId } from "../engine/ids";
import { openTestStorage } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { CONFLICT_NOTICE, saveOpenFlow } from "./flowSaver";
import { useFlowStore } from "./flowStore";

let storage: StudioStorage | undefined;
afterEach(() => storage?.close());

const FLOW = flowId("f");

async function openSaved() {
  storage = await openTestStorage();
  const record = await storage.flows.save(FLOW, loadFlow("chat-with-memory"));
  useFlowStore.getState().open(FLOW, record.flow, null, record.revision);
  return storage;
}

describe("saving the open flow", () => {
  it("saves edit after edit, even when saves overlap", async () => {
    const s = await openSaved();
    useFlowStore.getState().setName("First");
    const first = saveOpenFlow(s);
    useFlowStore.getState().setName("Second");
    const second = saveOpenFlow(s);
    expect((await first)?.revision).toBe(2);
    expect((await second)?.revision).toBe(3);
    expect((await s.flows.get(FLOW))?.flow.name).toBe("Second");
    expect(useFlowStore.getState().notice).toBeNull();
  });

  it("never overwrites a newer save from another tab, and says so", async () => {
    const s = await openSaved();
    // Another tab saves its own version of the same flow.
    await s.flows.save(FLOW, { ...loadFlow("chat-with-memory"), name: "From the other tab" });
    useFlowStore.getState().setName("From this tab");
    expect(await saveOpenFlow(s)).toBeNull();
    expect((await s.flows.get(FLOW))?.flow.name).toBe("From the other tab");
    expect(useFlowStore.getState().notice).toBe(CONFLICT_NOTICE);
  });
});
