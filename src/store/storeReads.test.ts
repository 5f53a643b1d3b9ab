import { afterEach, describe, expect, it } from "vitest";
import type { StorageManagerLike } from "./browserServices";
import { defined, fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

describe("reads for the panels", () => {
  it("reads a run, its memory log oldest first, its messages and the flow's export", async () => {
    studio = await openTestStudio();
    await studio.state().send("One");
    await studio.state().send("Two");
    const head = defined(studio.state().runs[1]);
    expect(await studio.state().readRun(head.id)).toEqual(head);

    const last = defined(head.memoryHeads.chat_llm);
    const log = await studio.state().readMemoryLog(last);
    expect(log.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(log[0]?.content).toBe("One");
    expect((await studio.state().readBack(last, 1)).map((m) => m.id)).toEqual([last]);
    expect((await studio.state().readMessages([last])).map((m) => m.id)).toEqual([last]);

    const flowId = defined(studio.editor.getState().flowId);
    const exported = await studio.state().conversationsForExport(flowId);
    expect(exported.conversations).toHaveLength(1);
    expect(exported.runs).toHaveLength(2);
    expect(exported.memoryMessages).toHaveLength(4);
  });

  it("reports the browser's storage, each answer on its own, and asks for persistence", async () => {
    let persisted = false;
    const storageManager: StorageManagerLike = {
      persisted: async () => persisted,
      estimate: async () => {
        throw new Error("not here");
      },
      persist: async () => {
        persisted = true;
        return true;
      },
    };
    studio = await openTestStudio({ browser: fakeBrowserServices({ storageManager }) });
    expect(await studio.state().storageStatus()).toEqual({
      supported: true,
      persisted: false,
      usage: null,
      quota: null,
    });
    expect(await studio.state().requestPersistence()).toBe(true);
    expect((await studio.state().storageStatus()).persisted).toBe(true);
  });

  it("says when the page cannot see navigator.storage", async () => {
    studio = await openTestStudio();
    expect(await studio.state().storageStatus()).toEqual({
      supported: false,
      persisted: null,
      usage: null,
      quota: null,
    });
    expect(await studio.state().requestPersistence()).toBe(false);
  });
});
