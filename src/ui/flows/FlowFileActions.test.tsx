// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flowId, runId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { writeFlowFile } from "../../format";
import { CONV_A, chain, FLOW_1, openTestStorage, testRun } from "../../storage/storageTestSupport";
import { useFlowStore } from "../../store/flowStore";
import type { StudioState } from "../../store/studioStore";
import { useFlowImport } from "../importExport/importStore";
import {
  render,
  resetTestStudio,
  setTestStudio,
  studioStoreOver,
  testStudio,
} from "../studioTestSupport";
import { FlowMenu } from "./FlowMenu";

const initialFlow = useFlowStore.getState();

/** Every download the page starts: its file name and text. */
let downloads: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  Object.defineProperty(URL, "createObjectURL", {
    configurable: true,
    value: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
  });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: () => {} });
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetTestStudio();
  useFlowStore.setState(initialFlow, true);
  useFlowImport.getState().dismiss();
});

/** "Chat with memory" open and saved; importFlow a stub unless given. */
function setup(studio: Partial<StudioState> = {}) {
  const importFlow = vi.fn(async () => flowId("flow-imported"));
  testStudio().setState({
    status: "ready",
    flows: [{ id: FLOW_1, name: "Chat with memory", updatedAt: Date.now() }],
    running: null,
    importFlow,
    ...studio,
  });
  useFlowStore.setState({ flowId: FLOW_1, flow: STARTER_FLOWS.chatWithMemory.build() });
  render(<FlowMenu />);
  return { user: userEvent.setup(), importFlow };
}

async function openMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: /^Flows: / }));
  // The panel's code loads on the first opening: it appears a moment later.
  return screen.findByRole("dialog", { name: "Flows" });
}

const fileInput = (menu: HTMLElement) =>
  menu.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;

const jsonFile = (name: string, text: string) =>
  new File([text], name, { type: "application/json" });

describe("Flows menu: export", () => {
  it("downloads the open flow as its flow file, without conversations by default", async () => {
    const { user } = setup();
    const menu = await openMenu(user);
    expect(
      within(menu).getByRole("checkbox", { name: "Include conversations and memories" }),
    ).toHaveProperty("checked", false);
    await user.click(within(menu).getByRole("button", { name: "Export flow" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe("chat-with-memory.flow.json");
    expect(await downloads[0]?.blob.text()).toBe(
      writeFlowFile(useFlowStore.getState().flow as never),
    );
  });

  it("includes conversations, runs and memory messages when asked", async () => {
    const storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    const messages = chain("m", ["Hi", "Hello"], { runId: runId("r1") });
    await storage.saver.finishRun(
      testRun("r1", { appended: { chat_llm: messages.map((m) => m.id) } }),
      messages,
    );
    setTestStudio(studioStoreOver(storage));
    const { user } = setup();
    const menu = await openMenu(user);
    await user.click(
      within(menu).getByRole("checkbox", { name: "Include conversations and memories" }),
    );
    await user.click(within(menu).getByRole("button", { name: "Export flow" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const file = JSON.parse((await downloads[0]?.blob.text()) ?? "");
    expect(file.conversations.conversations.map((c: { id: string }) => c.id)).toEqual([CONV_A]);
    expect(file.conversations.runs.map((r: { id: string }) => r.id)).toEqual(["r1"]);
    expect(file.conversations.memoryMessages.map((m: { content: string }) => m.content)).toEqual([
      "Hi",
      "Hello",
    ]);
    storage.close();
  });

  it("downloads the flow as Timbal Python", async () => {
    const { user } = setup();
    const menu = await openMenu(user);
    await user.click(within(menu).getByRole("button", { name: "Export as Python" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe("chat_with_memory.py");
    expect(await downloads[0]?.blob.text()).toContain("add_llm(");
  });

  it("exports a Timbal Agent where the flow fits one, and says why not where it does not", async () => {
    const { user } = setup();
    const menu = await openMenu(user);
    const button = within(menu).getByRole("button", { name: "Export as Timbal Agent" });
    await user.click(button);
    expect(
      await screen.findByText(
        /^Could not export the flow as a Timbal Agent: LLM "chat_llm" uses the "echo" provider/,
      ),
    ).toBeTruthy();
    expect(downloads).toHaveLength(0);

    const flow = STARTER_FLOWS.chatWithMemory.build();
    for (const node of flow.nodes) {
      if (node.type === "llm") Object.assign(node.config, { provider: "openai", model: "gpt-4o" });
    }
    useFlowStore.setState({ flow });
    await user.click(button);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe("chat_with_memory_agent.py");
    expect(await downloads[0]?.blob.text()).toContain('model="openai/gpt-4o"');
  });
});

describe("Flows menu: import", () => {
  const shared = () => writeFlowFile(STARTER_FLOWS.sharedMemory.build());

  it("previews the file, then Import saves it as a new flow and closes the menu", async () => {
    const { user, importFlow } = setup();
    const menu = await openMenu(user);
    await user.upload(fileInput(menu), jsonFile("shared.flow.json", shared()));

    const preview = await screen.findByRole("dialog", {
      name: "Import Two LLMs sharing one memory",
    });
    expect(within(preview).getByText("shared_memory")).toBeTruthy();
    expect(preview.textContent).toContain("used by llm1, llm2");
    expect(preview.textContent).toContain("4 (1 Input, 2 LLM, 1 Output)");
    expect(importFlow).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(preview).getByRole("button", { name: "Import" }));

    await user.click(within(preview).getByRole("button", { name: "Import" }));
    expect(importFlow).toHaveBeenCalledTimes(1);
    // The flow was just read from the file: the store need not copy it again.
    expect(importFlow).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Two LLMs sharing one memory" }),
      { owned: true },
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Flows: / }));
  });

  it("closes the menu behind the dialog; Cancel saves nothing and gives focus to the Flows button", async () => {
    const { user, importFlow } = setup();
    const menu = await openMenu(user);
    const importButton = within(menu).getByRole("button", { name: "Import flow" });
    importButton.focus();
    // As after the browser's file chooser: the file arrives, focus is still on the button.
    fireEvent.change(fileInput(menu), {
      target: { files: [jsonFile("shared.flow.json", shared())] },
    });
    const preview = await screen.findByRole("dialog", { name: /^Import / });
    expect(screen.queryByRole("dialog", { name: "Flows" })).toBeNull();
    await user.click(within(preview).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog", { name: /^Import / })).toBeNull();
    expect(importFlow).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Flows: / }));
  });

  it("lists each problem of a bad file with its path, and imports nothing", async () => {
    const { user, importFlow } = setup();
    const menu = await openMenu(user);
    const bad = shared().replaceAll('"memoryId": "shared_memory"', '"memoryId": "9 lives"');
    await user.upload(fileInput(menu), jsonFile("bad.flow.json", bad));

    const refusal = await screen.findByRole("dialog", { name: "Cannot import bad.flow.json" });
    const problems = within(refusal)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^nodes\[1\]\.config\.memoryId: /);
    expect(problems[1]).toMatch(/^nodes\[2\]\.config\.memoryId: /);
    expect(within(refusal).queryByRole("button", { name: "Import" })).toBeNull();
    await user.click(within(refusal).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog", { name: /^Cannot import/ })).toBeNull();
    expect(importFlow).not.toHaveBeenCalled();
  });

  it("waits for a run to end before importing, and says so", async () => {
    const { user, importFlow } = setup({ running: new AbortController() });
    const menu = await openMenu(user);
    expect(within(menu).getByRole("button", { name: "Import flow" })).toHaveProperty(
      "disabled",
      true,
    );
    // A file dropped on the canvas meanwhile is still previewed.
    await useFlowImport.getState().open(jsonFile("shared.flow.json", shared()));
    const preview = await screen.findByRole("dialog", { name: /^Import / });
    expect(within(preview).getByRole("button", { name: "Import" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(preview.textContent).toContain("A run is in progress");
    expect(importFlow).not.toHaveBeenCalled();
  });

  it("keeps the preview open with the reason when saving fails", async () => {
    const { user, importFlow } = setup();
    importFlow.mockRejectedValueOnce(new Error("The disk is full"));
    const menu = await openMenu(user);
    await user.upload(fileInput(menu), jsonFile("shared.flow.json", shared()));
    const preview = await screen.findByRole("dialog", { name: /^Import / });
    await user.click(within(preview).getByRole("button", { name: "Import" }));
    expect((await within(preview).findByRole("alert")).textContent).toBe(
      "Could not import the flow: The disk is full",
    );
    expect(screen.getByRole("dialog", { name: /^Import / })).toBe(preview);
  });
});
