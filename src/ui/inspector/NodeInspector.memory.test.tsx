// @vitest-environment happy-dom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { nodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { render } from "../studioTestSupport";
import {
  descriptionOf,
  openWithSelection,
  sharedMemoryFlow,
  shownValue,
  storedConfig,
} from "./inspectorTestSupport";
import { NodeInspector } from "./NodeInspector";

const windowBox = () => screen.getByRole("textbox", { name: "Memory window size" });

describe("NodeInspector memory settings", () => {
  it("sends a valid window size to the flow", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await userEvent.type(windowBox(), "5");
    expect(storedConfig("llm1")?.memoryWindowSize).toBe(5);
    expect(windowBox().getAttribute("aria-invalid")).toBeNull();
  });

  it.each(["-1", "abc", "all"])(
    "refuses the window size %s with the reason, keeps what was typed, leaves the flow alone",
    async (typed) => {
      openWithSelection(sharedMemoryFlow(), "llm1");
      render(<NodeInspector />);
      await userEvent.type(windowBox(), typed);
      expect(shownValue(windowBox())).toBe(typed);
      expect(windowBox().getAttribute("aria-invalid")).toBe("true");
      expect(descriptionOf(windowBox())).toContain(
        "Use a whole number ≥ 0, or leave empty for all messages.",
      );
      expect(storedConfig("llm1")).not.toHaveProperty("memoryWindowSize");
    },
  );

  it("empties the window back to all messages, removing the field", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    useFlowStore.getState().updateConfig(nodeId("llm1"), { memoryWindowSize: 3 });
    render(<NodeInspector />);
    expect(shownValue(windowBox())).toBe("3");
    await userEvent.clear(windowBox());
    expect(storedConfig("llm1")).not.toHaveProperty("memoryWindowSize");
  });

  it("names the memory after the node when memory is switched on, and removes it when off", async () => {
    openWithSelection(sharedMemoryFlow(), "side");
    render(<NodeInspector />);
    expect(screen.queryByRole("combobox", { name: "Memory ID" })).toBeNull();
    await userEvent.click(screen.getByRole("checkbox", { name: "Use memory" }));
    expect(storedConfig("side")?.memoryId).toBe("side");
    expect(shownValue(screen.getByRole("combobox", { name: "Memory ID" }))).toBe("side");
    await userEvent.click(screen.getByRole("checkbox", { name: "Use memory" }));
    expect(storedConfig("side")).not.toHaveProperty("memoryId");
  });

  it("shows an empty memory id as no memory, as the run and the canvas treat it", () => {
    const flow = sharedMemoryFlow();
    flow.nodes = flow.nodes.map((n) =>
      n.id === "side" && n.type === "llm" ? { ...n, config: { ...n.config, memoryId: "" } } : n,
    );
    openWithSelection(flow, "side");
    render(<NodeInspector />);
    const use = screen.getByRole("checkbox", { name: "Use memory" }) as HTMLInputElement;
    expect(use.checked).toBe(false);
    expect(screen.queryByRole("combobox", { name: "Memory ID" })).toBeNull();
    const preview = screen.getByRole("region", { name: "Next call preview" });
    expect(preview.textContent).toContain("No memory: this node sees only the system prompt");
  });

  it("offers the node's id and the flow's memories, and says who shares the chosen one", async () => {
    openWithSelection(sharedMemoryFlow(), "side");
    render(<NodeInspector />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Use memory" }));
    const memory = screen.getByRole("combobox", { name: "Memory ID" });
    const listId = memory.getAttribute("list") as string;
    const offered = [...(document.getElementById(listId)?.querySelectorAll("option") ?? [])].map(
      (o) => o.value,
    );
    expect(offered).toEqual(["side", "shared_memory"]);

    await userEvent.clear(memory);
    await userEvent.type(memory, "shared_memory");
    expect(storedConfig("side")?.memoryId).toBe("shared_memory");
    expect(descriptionOf(memory)).toBe("Shared with llm1, llm2");
  });

  it("refuses a memory id that is not a name, keeping the last good one in the flow", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    const memory = screen.getByRole("combobox", { name: "Memory ID" });
    await userEvent.clear(memory);
    await userEvent.paste("my memory");
    expect(shownValue(memory)).toBe("my memory");
    expect(memory.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(memory)).toContain(
      "Use letters, digits and _, not starting with a digit.",
    );
    expect(storedConfig("llm1")?.memoryId).toBe("shared_memory");
  });

  it("lights up the memory's users while its id is being edited", async () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    await userEvent.click(screen.getByRole("combobox", { name: "Memory ID" }));
    expect(useFlowStore.getState().highlightedMemory).toBe("shared_memory");
  });

  it("stores the mode, with read-write as the default left out of the file", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    const mode = screen.getByRole("combobox", { name: "Mode" });
    expect(shownValue(mode)).toBe("read-write");
    await userEvent.selectOptions(mode, "Read only");
    expect(storedConfig("llm1")?.memoryMode).toBe("read-only");
    await userEvent.selectOptions(mode, "Read and write");
    expect(storedConfig("llm1")).not.toHaveProperty("memoryMode");
  });
});
