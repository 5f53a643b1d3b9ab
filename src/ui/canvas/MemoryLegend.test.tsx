// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateConfig } from "../../engine/flowEdits";
import { flowId, nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { render } from "../studioTestSupport";
import { CanvasProvider } from "./CanvasProvider";
import { useCanvasUi } from "./canvasUiStore";
import { MemoryLegend } from "./MemoryLegend";

const show = () =>
  render(
    <CanvasProvider>
      <MemoryLegend />
    </CanvasProvider>,
  );

beforeEach(() => useCanvasUi.setState({ pinnedMemory: null }));
afterEach(cleanup);

describe("MemoryLegend", () => {
  it("says so when no node has memory", () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.chatWithoutMemory.build());
    show();
    expect(screen.getByText("No node has memory yet.")).toBeTruthy();
  });

  it("lists a shared memory with each node, what it does and its window", () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.sharedMemory.build());
    useFlowStore.getState().updateConfig(nodeId("llm2"), { memoryMode: "read-only" });
    show();
    const entry = screen.getByRole("button", { name: "Memory shared_memory" }).closest("li");
    const users = entry?.querySelector(".legend-users");
    if (!users) throw new Error("no list of nodes");
    const rows = within(users as HTMLElement).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual([
      "llm1reads+writesall messages",
      "llm2readsall messages",
    ]);
    expect(screen.getByText("2 nodes share it")).toBeTruthy();
  });

  it("shows the warning about different window sizes, without blocking anything", async () => {
    const flow = updateConfig(STARTER_FLOWS.sharedMemory.build(), nodeId("llm2"), {
      memoryWindowSize: 5,
    });
    useFlowStore.getState().open(flowId("f"), flow);
    show();
    expect(
      await screen.findByText(/share memory "shared_memory" with different window sizes/),
    ).toBeTruthy();
  });

  it("lights the memory's nodes while an entry is hovered", () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.sharedMemory.build());
    show();
    const entry = screen.getByRole("button", { name: "Memory shared_memory" }).closest("li");
    if (!entry) throw new Error("no entry");
    fireEvent.mouseEnter(entry);
    expect(useFlowStore.getState().highlightedMemory).toBe("shared_memory");
    fireEvent.mouseLeave(entry);
    expect(useFlowStore.getState().highlightedMemory).toBeNull();
  });
});
