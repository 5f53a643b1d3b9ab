import { afterEach, describe, expect, it } from "vitest";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { SETTINGS } from "./settingsKeys";
import { defined, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

const names = () => studio.state().flows.map((f) => f.name);
const openName = () => studio.editor.getState().flow?.name;

describe("the flow library", () => {
  it("lands a first visit on a saved 'Chat with memory' flow, and reopens the last flow on reload", async () => {
    studio = await openTestStudio();
    expect(studio.state().status).toBe("ready");
    expect(names()).toEqual(["Chat with memory"]);
    expect(openName()).toBe("Chat with memory");

    const id = defined(await studio.state().createFlow("sharedMemory"));
    await studio.state().dispose();
    const reloaded = await openTestStudio({ storage: studio.storage });
    expect(reloaded.editor.getState().flowId).toBe(id);
    expect(reloaded.state().flows).toHaveLength(2);
    await reloaded.state().dispose();
  });

  it("creates, opens and renames flows, the open one saved at once", async () => {
    studio = await openTestStudio();
    const first = defined(studio.editor.getState().flowId);
    const second = defined(await studio.state().createFlow("window0"));
    expect(studio.editor.getState().flowId).toBe(second);
    expect(names()).toEqual(["Window 0", "Chat with memory"]);

    await studio.state().renameFlow(second, "  Open one  ");
    expect(openName()).toBe("Open one");
    expect((await studio.storage.flows.get(second))?.flow.name).toBe("Open one");

    await studio.state().renameFlow(first, "Closed one");
    await studio.state().renameFlow(first, "  ");
    expect((await studio.storage.flows.get(first))?.flow.name).toBe("Closed one");
    expect(names()).toContain("Closed one");

    await studio.state().openFlow(first);
    expect(openName()).toBe("Closed one");
  });

  it("creates a blank flow: an empty canvas, named so the next one gets a number", async () => {
    studio = await openTestStudio();
    const blank = defined(await studio.state().createFlow("blank"));
    expect(studio.editor.getState().flow?.nodes).toEqual([]);
    expect((await studio.storage.flows.get(blank))?.flow.edges).toEqual([]);
    await studio.state().createFlow("blank");
    expect(names()).toEqual(["Untitled flow (2)", "Untitled flow", "Chat with memory"]);
  });

  it("duplicates a flow as a copy, opened", async () => {
    studio = await openTestStudio();
    const source = defined(studio.editor.getState().flowId);
    const copy = defined(await studio.state().duplicateFlow(source));
    expect(copy).not.toBe(source);
    expect(openName()).toBe("Chat with memory (copy)");
    expect(studio.state().flows).toHaveLength(2);
  });

  it("imports a flow as a new one, its name given a number when it is taken", async () => {
    studio = await openTestStudio();
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const first = defined(await studio.state().importFlow(flow));
    const second = defined(await studio.state().importFlow(flow));
    expect(new Set([first, second]).size).toBe(2);
    expect(names().sort()).toEqual([
      "Chat with memory",
      "Chat with memory (2)",
      "Chat with memory (3)",
    ]);
    expect(openName()).toBe("Chat with memory (3)");
    // The imported flow is ready to chat: a new conversation.
    expect(studio.state().conversationId).toBeNull();
  });

  it("deletes the open flow with its conversations and opens another; the last gives a new starter", async () => {
    studio = await openTestStudio();
    const first = defined(studio.editor.getState().flowId);
    await studio.state().send("Hello");
    const second = defined(await studio.state().createFlow("window0"));
    await studio.state().openFlow(first);

    await studio.state().deleteFlow(first);
    expect(studio.editor.getState().flowId).toBe(second);
    expect(names()).toEqual(["Window 0"]);
    expect(await studio.storage.conversations.listByFlow(first)).toEqual([]);
    expect(await studio.storage.settings.get(SETTINGS.viewport(first))).toBeUndefined();

    await studio.state().deleteFlow(second);
    expect(names()).toEqual(["Chat with memory"]);
    expect(openName()).toBe("Chat with memory");
  });

  it("deletes a flow that is not open and leaves the editor as it is", async () => {
    studio = await openTestStudio();
    const open = defined(studio.editor.getState().flowId);
    const other = defined(await studio.state().createFlow("window0"));
    await studio.state().openFlow(open);
    await studio.state().deleteFlow(other);
    expect(studio.editor.getState().flowId).toBe(open);
    expect(names()).toEqual(["Chat with memory"]);
  });

  it("changes no flow while a run is in progress", async () => {
    studio = await openTestStudio();
    const open = defined(studio.editor.getState().flowId);
    const sent = studio.state().send("Busy");
    expect(await studio.state().createFlow("window0")).toBeNull();
    expect(await studio.state().duplicateFlow(open)).toBeNull();
    await studio.state().deleteFlow(open);
    await sent;
    expect(names()).toEqual(["Chat with memory"]);
  });
});
