// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Flow } from "../../engine/flow";
import { flowId, nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { readFlowFragment } from "../../format";
import { flowHistory, useFlowStore } from "../../store/flowStore";
import { droppedFile, isFileDrag } from "./fileDrop";
import { pasteFlowText } from "./pasteFlowText";
import { expectPasteEvent, pasteEventArrived, prepareCopy, selectionJson } from "./systemClipboard";
import { useClipboardEvents } from "./useClipboardEvents";

const initial = useFlowStore.getState();

function openChat(): Flow {
  const flow = STARTER_FLOWS.chatWithMemory.build();
  useFlowStore.getState().open(flowId("flow-1"), flow);
  return flow;
}

const ids = () => useFlowStore.getState().flow?.nodes.map((n) => n.id);

/** A clipboard event as the browser sends it, with a clipboard holding `text`. */
function clipboardEvent(type: "copy" | "paste", text = "") {
  const event = new Event(type, { bubbles: true, cancelable: true });
  const data = {
    setData: vi.fn(),
    getData: vi.fn((format: string) => (format === "text/plain" ? text : "")),
  };
  Object.defineProperty(event, "clipboardData", { value: data });
  return { event, data };
}

const TWO_TEMPLATES = JSON.stringify({
  nodes: [
    { id: "notes", type: "template", position: { x: 0, y: 0 }, config: { template: "a" } },
    { id: "chat_llm", type: "template", position: { x: 100, y: 0 }, config: {} },
  ],
  edges: [{ source: "notes", target: "chat_llm" }],
});

beforeEach(() => {
  document.body.innerHTML = '<div id="canvas" tabindex="0"></div><textarea id="field"></textarea>';
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useFlowStore.setState(initial, true);
});

describe("selectionJson", () => {
  it("is null with nothing selected", () => {
    openChat();
    expect(selectionJson()).toBeNull();
  });

  it("writes the selected nodes and the connections between them as flow JSON", async () => {
    openChat();
    useFlowStore.getState().select([nodeId("chat_llm"), nodeId("output")]);
    // The writer loads with the first selection (the canvas asks for it then).
    await prepareCopy();
    const read = readFlowFragment(selectionJson() ?? "");
    expect(read.ok && read.nodes.map((n) => n.id)).toEqual(["chat_llm", "output"]);
    expect(read.ok && read.edges).toEqual([{ source: "chat_llm", target: "output" }]);
    expect(JSON.parse(selectionJson() ?? "")).toMatchObject({ schema: "llm-flow-studio/flow" });
  });
});

describe("pasteFlowText", () => {
  it("adds the nodes with fresh ids where they clash, selects them, as one undo step", async () => {
    openChat();
    expect(await pasteFlowText(TWO_TEMPLATES)).toBe(true);
    expect(ids()).toEqual(["input", "chat_llm", "output", "notes", "chat_llm_2"]);
    expect(useFlowStore.getState().selection).toEqual(["notes", "chat_llm_2"]);
    const flow = useFlowStore.getState().flow as Flow;
    expect(flow.edges).toContainEqual({ source: "notes", target: "chat_llm_2" });
    flowHistory.undo();
    expect(ids()).toEqual(["input", "chat_llm", "output"]);
  });

  it("changes nothing for text that is not flow JSON", async () => {
    const flow = openChat();
    for (const text of ["hello", "{ not json", '{"a": 1}', '{"nodes": [{"id": "x"}]}']) {
      expect(await pasteFlowText(text)).toBe(false);
    }
    expect(useFlowStore.getState().flow).toBe(flow);
    expect(useFlowStore.getState().notice).toBeNull();
  });
});

describe("useClipboardEvents", () => {
  it("puts the selected nodes on the system clipboard on copy", async () => {
    openChat();
    renderHook(useClipboardEvents);
    useFlowStore.getState().select([nodeId("chat_llm")]);
    await prepareCopy();
    const { event, data } = clipboardEvent("copy");
    document.getElementById("canvas")?.dispatchEvent(event);
    expect(data.setData).toHaveBeenCalledWith("text/plain", selectionJson());
    expect(event.defaultPrevented).toBe(true);
  });

  it("leaves copy and paste in a text field to the field", async () => {
    openChat();
    useFlowStore.getState().select([nodeId("chat_llm")]);
    renderHook(useClipboardEvents);
    const field = document.getElementById("field") as HTMLElement;
    const copy = clipboardEvent("copy");
    field.dispatchEvent(copy.event);
    expect(copy.data.setData).not.toHaveBeenCalled();
    const paste = clipboardEvent("paste", TWO_TEMPLATES);
    field.dispatchEvent(paste.event);
    expect(paste.event.defaultPrevented).toBe(false);
    // A paste the canvas took would add its nodes only once the reader has loaded, however long
    // that takes: so paste the same text on the canvas after it, and wait for that one. Pastes
    // finish in order, so had the field's paste been taken too its nodes would be there by then.
    document.getElementById("canvas")?.dispatchEvent(clipboardEvent("paste", TWO_TEMPLATES).event);
    await waitFor(() => expect(ids()).toContain("notes"), { timeout: 5000 });
    expect(ids()).toEqual(["input", "chat_llm", "output", "notes", "chat_llm_2"]);
  });

  it("pastes flow JSON from the system clipboard", async () => {
    openChat();
    renderHook(useClipboardEvents);
    document.getElementById("canvas")?.dispatchEvent(clipboardEvent("paste", TWO_TEMPLATES).event);
    await waitFor(() => expect(ids()).toContain("notes"), { timeout: 5000 });
  });

  it("says which servers pasted nodes call, and that the saved key is not sent there", async () => {
    openChat();
    const key = "sk-paste-canary-42";
    renderHook(() =>
      useClipboardEvents(() => ({
        openai: { apiKey: key },
        anthropic: { apiKey: key, approvedOrigins: ["http://trusted.test:1"] },
      })),
    );
    const llm = (id: string, provider: string, baseUrl: string) => ({
      id,
      type: "llm",
      position: { x: 0, y: 0 },
      config: { provider, model: "m", baseUrl },
    });
    const text = JSON.stringify({
      nodes: [
        llm("stolen", "openai", "http://evil.test:9/v1"),
        llm("trusted", "anthropic", "http://trusted.test:1/v1"),
      ],
      edges: [],
    });
    document.getElementById("canvas")?.dispatchEvent(clipboardEvent("paste", text).event);
    await waitFor(() => expect(useFlowStore.getState().notice).toBeTruthy(), { timeout: 5000 });
    expect(useFlowStore.getState().notice).toBe(
      "Pasted nodes: Sends OpenAI requests to http://evil.test:9; your OpenAI key will not be sent there unless you approve it.",
    );
  });

  it("falls back to the nodes copied here when the clipboard holds no text", () => {
    openChat();
    useFlowStore.getState().select([nodeId("chat_llm")]);
    useFlowStore.getState().copySelection();
    renderHook(useClipboardEvents);
    document.getElementById("canvas")?.dispatchEvent(clipboardEvent("paste", "").event);
    expect(ids()).toContain("chat_llm_2");
  });
});

describe("the paste fallback", () => {
  it("pastes the internal clipboard when no paste event follows the keys", () => {
    vi.useFakeTimers();
    const pasteInternal = vi.fn();
    expectPasteEvent(pasteInternal);
    vi.runAllTimers();
    expect(pasteInternal).toHaveBeenCalledTimes(1);
  });

  it("does nothing of its own when the paste event came", () => {
    vi.useFakeTimers();
    const pasteInternal = vi.fn();
    expectPasteEvent(pasteInternal);
    pasteEventArrived();
    vi.runAllTimers();
    expect(pasteInternal).not.toHaveBeenCalled();
  });
});

describe("file drops", () => {
  it("tells a file drag from a palette drag and takes the first file", () => {
    const file = new File(["{}"], "a.flow.json");
    const files = { types: ["Files"], files: [file] } as unknown as DataTransfer;
    const palette = {
      types: ["application/x-llm-flow-node"],
      files: [],
    } as unknown as DataTransfer;
    expect(isFileDrag(files)).toBe(true);
    expect(isFileDrag(palette)).toBe(false);
    expect(droppedFile(files)).toBe(file);
    expect(droppedFile(palette)).toBeNull();
  });
});
