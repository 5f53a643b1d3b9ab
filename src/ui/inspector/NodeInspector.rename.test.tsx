// @vitest-environment happy-dom
import { act, screen } from "@testing-library/react";
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
  storedNode,
} from "./inspectorTestSupport";
import { NodeInspector } from "./NodeInspector";

const idBox = () => screen.getByRole("textbox", { name: "Node id" });

async function retype(text: string) {
  await userEvent.clear(idBox());
  await userEvent.type(idBox(), text);
}

describe("NodeInspector node id", () => {
  it("refuses an id that is taken, says why, and keeps both the draft and the old id", async () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    await retype("llm1{Enter}");
    expect(descriptionOf(idBox())).toContain('Another node is already called "llm1".');
    expect(idBox().getAttribute("aria-invalid")).toBe("true");
    expect(shownValue(idBox())).toBe("llm1");
    expect(storedNode("llm2")).toBeDefined();
    expect(useFlowStore.getState().selection).toEqual(["llm2"]);

    await userEvent.tab();
    expect(storedNode("llm2")).toBeDefined();
    expect(shownValue(idBox())).toBe("llm1");
  });

  it("renames on Enter, following the rename in the other nodes' templates", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await retype("answer{Enter}");
    expect(storedNode("llm1")).toBeUndefined();
    expect(storedNode("answer")?.type).toBe("llm");
    expect(storedConfig("llm2")?.prompt).toBe("Summarize: {{answer}}");
    expect(storedConfig("summary")?.template).toBe("{{answer}} / {{llm2}}");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("answer");
    // The form was not rebuilt under the user: they can go on typing.
    expect(document.activeElement).toBe(idBox());
  });

  it("renames when the field is left", async () => {
    openWithSelection(sharedMemoryFlow(), "side");
    render(<NodeInspector />);
    await retype("aside");
    expect(storedNode("side")).toBeDefined();
    await userEvent.tab();
    expect(storedNode("aside")).toBeDefined();
    expect(storedConfig("output")?.value).toBe("{{summary}} {{aside}}");
  });

  it("restores the current id on Escape, dropping the refusal", async () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    await retype("9lives");
    expect(descriptionOf(idBox())).toContain("Use letters, digits and _");
    await userEvent.keyboard("{Escape}");
    expect(shownValue(idBox())).toBe("llm2");
    expect(idBox().getAttribute("aria-invalid")).toBeNull();
  });

  it("does not carry a half-typed value over to the next selected node", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    const windowBox = () => screen.getByRole("textbox", { name: "Memory window size" });
    await userEvent.type(windowBox(), "abc");
    act(() => useFlowStore.getState().select([nodeId("llm2")]));
    expect(shownValue(idBox())).toBe("llm2");
    expect(shownValue(windowBox())).toBe("");
  });
});
