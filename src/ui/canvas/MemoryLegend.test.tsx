// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FLOW_SCHEMA, FLOW_VERSION, type Flow, type FlowNode } from "../../engine/flow";
import { updateConfig } from "../../engine/flowEdits";
import { flowId, nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { render } from "../studioTestSupport";
import { CanvasProvider } from "./CanvasProvider";
import { useCanvasUi } from "./canvasUiStore";
import { MemoryLegend } from "./MemoryLegend";
import { LISTED_USERS } from "./MemoryLegendList";

const show = () =>
  render(
    <CanvasProvider>
      <MemoryLegend />
    </CanvasProvider>,
  );
/** Shown, once its entries (loaded apart from the first page) are on screen. */
async function showEntries() {
  show();
  await screen.findAllByRole("button", { name: /^Memory / });
}

/** Each memory with as many LLM nodes as told, named after it: `many_1`, `many_2`, … */
function sharedBy(counts: Record<string, number>): Flow {
  const nodes: FlowNode[] = Object.entries(counts).flatMap(([memoryId, count]) =>
    Array.from(
      { length: count },
      (_, i): FlowNode => ({
        id: nodeId(`${memoryId}_${i + 1}`),
        type: "llm",
        position: { x: 300 * i, y: 0 },
        config: { provider: "echo", model: "echo", memoryId },
      }),
    ),
  );
  return { schema: FLOW_SCHEMA, version: FLOW_VERSION, name: "Shared", nodes, edges: [] };
}

/** The legend entry of a memory, and the node ids its list shows. */
function entryOf(memoryId: string) {
  const entry = screen.getByRole("button", { name: `Memory ${memoryId}` }).closest("li");
  if (!entry) throw new Error(`no entry for ${memoryId}`);
  const rows = () =>
    [...entry.querySelectorAll(".legend-users .legend-node")].map((b) => b.textContent);
  return { entry: within(entry), rows };
}

beforeEach(() => useCanvasUi.setState({ pinnedMemory: null }));
afterEach(cleanup);

describe("MemoryLegend", () => {
  it("says so when no node has memory", () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.chatWithoutMemory.build());
    show();
    expect(screen.getByText("No node has memory yet.")).toBeTruthy();
  });

  it("lists a shared memory with each node, what it does and its window", async () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.sharedMemory.build());
    useFlowStore.getState().updateConfig(nodeId("llm2"), { memoryMode: "read-only" });
    await showEntries();
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
    await showEntries();
    expect(
      await screen.findByText(/share memory "shared_memory" with different window sizes/),
    ).toBeTruthy();
  });

  it("lights the memory's nodes while an entry is hovered", async () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.sharedMemory.build());
    await showEntries();
    const entry = screen.getByRole("button", { name: "Memory shared_memory" }).closest("li");
    if (!entry) throw new Error("no entry");
    fireEvent.mouseEnter(entry);
    expect(useFlowStore.getState().highlightedMemory).toBe("shared_memory");
    fireEvent.mouseLeave(entry);
    expect(useFlowStore.getState().highlightedMemory).toBeNull();
  });

  it("lists the first few nodes of a widely shared memory, and all of them on demand", async () => {
    useFlowStore.getState().open(flowId("f"), sharedBy({ many: 12, few: LISTED_USERS }));
    await showEntries();
    const many = entryOf("many");
    const firstFew = Array.from({ length: LISTED_USERS }, (_, i) => `many_${i + 1}`);
    expect(many.rows()).toEqual(firstFew);
    // The count still tells how many share it.
    expect(many.entry.getByText("12 nodes share it")).toBeTruthy();

    const more = many.entry.getByRole("button", { name: "Show all 12 nodes" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(more);
    expect(many.rows()).toEqual(Array.from({ length: 12 }, (_, i) => `many_${i + 1}`));
    const fewer = many.entry.getByRole("button", { name: "Show fewer" });
    expect(fewer.getAttribute("aria-expanded")).toBe("true");

    // A row past the first few focuses its node like any other.
    fireEvent.click(many.entry.getByRole("button", { name: "many_12" }));
    expect(useFlowStore.getState().selection).toEqual([nodeId("many_12")]);

    fireEvent.click(fewer);
    expect(many.rows()).toEqual(firstFew);
    expect(many.entry.getByRole("button", { name: "Show all 12 nodes" })).toBeTruthy();
  });

  it("lists a memory of a few nodes in full, with no button", async () => {
    useFlowStore.getState().open(flowId("f"), sharedBy({ many: 12, few: LISTED_USERS }));
    await showEntries();
    const few = entryOf("few");
    expect(few.rows()).toHaveLength(LISTED_USERS);
    expect(few.entry.queryByRole("button", { name: /^Show / })).toBeNull();
  });

  it("expands each memory on its own", async () => {
    useFlowStore.getState().open(flowId("f"), sharedBy({ one: 8, two: 9 }));
    await showEntries();
    fireEvent.click(entryOf("two").entry.getByRole("button", { name: "Show all 9 nodes" }));
    expect(entryOf("two").rows()).toHaveLength(9);
    expect(entryOf("one").rows()).toHaveLength(LISTED_USERS);
    expect(entryOf("one").entry.getByRole("button", { name: "Show all 8 nodes" })).toBeTruthy();
  });

  it("marks a flow-scoped memory, and a click on its badge keeps it lit", async () => {
    const flow = {
      ...sharedBy({ many: 12, few: 2 }),
      memories: { many: { scope: "flow" as const } },
    };
    useFlowStore.getState().open(flowId("f"), flow);
    await showEntries();
    expect(entryOf("many").entry.getByText("12 nodes share it, every conversation")).toBeTruthy();
    expect(entryOf("few").entry.getByText("2 nodes share it")).toBeTruthy();
    const badge = screen.getByRole("button", { name: "Memory many" });
    fireEvent.click(badge);
    expect(badge.getAttribute("aria-pressed")).toBe("true");
    fireEvent.blur(badge);
    expect(useFlowStore.getState().highlightedMemory).toBe("many");
  });
});
