// @vitest-environment happy-dom
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { nodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { render, testStudio } from "../studioTestSupport";
import {
  descriptionOf,
  openWithSelection,
  sharedMemoryFlow,
  shownValue,
  storedConfig,
} from "./inspectorTestSupport";
import { NodeInspector } from "./NodeInspector";

const box = (name: string) => screen.getByRole("textbox", { name });

describe("NodeInspector", () => {
  it("asks for a selection, or says how many nodes are selected", () => {
    openWithSelection(sharedMemoryFlow());
    render(<NodeInspector />);
    expect(screen.getByText("Select a node to edit it")).toBeTruthy();
    act(() => useFlowStore.getState().select([nodeId("llm1"), nodeId("llm2")]));
    expect(screen.getByText("2 nodes selected")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Node id" })).toBeNull();
  });

  it("opens at the Model field when the chat asks (a model the provider does not have)", () => {
    openWithSelection(sharedMemoryFlow());
    render(<NodeInspector />);
    act(() => testStudio().getState().focusNodeField(nodeId("llm1"), "model"));
    expect(useFlowStore.getState().selection).toEqual(["llm1"]);
    expect(testStudio().getState().sideTab).toBe("node");
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Model" }));
    // Asked once: the next time the node is shown, focus is left where the user puts it.
    expect(testStudio().getState().fieldToFocus).toBeNull();
  });

  it("says what an input node does", () => {
    openWithSelection(sharedMemoryFlow(), "input");
    render(<NodeInspector />);
    expect(screen.getByText(/Receives the chat message/)).toBeTruthy();
  });

  it("offers as sources only nodes that give an output: never an Output node", () => {
    const flow = sharedMemoryFlow();
    // A second, unconnected output: the cycle rule does not rule it out, its kind does.
    flow.nodes.push({
      id: nodeId("spare_output"),
      type: "output",
      position: { x: 0, y: 0 },
      config: {},
    });
    openWithSelection(flow, "side");
    render(<NodeInspector />);
    const from = screen.getByRole("combobox", { name: "Connect from" });
    const offered = within(from)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(offered).toEqual(["llm1", "llm2", "summary"]);
  });

  it("lets a temperature be typed digit by digit, and refuses one above 2", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await userEvent.type(box("Temperature"), "0.5");
    expect(shownValue(box("Temperature"))).toBe("0.5");
    expect(storedConfig("llm1")?.temperature).toBe(0.5);
    await userEvent.clear(box("Temperature"));
    await userEvent.type(box("Temperature"), "3");
    expect(descriptionOf(box("Temperature"))).toContain("Use a number from 0 to 2");
    expect(storedConfig("llm1")).not.toHaveProperty("temperature");
  });

  it("refuses max tokens of 0", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await userEvent.type(box("Max tokens"), "0");
    expect(box("Max tokens").getAttribute("aria-invalid")).toBe("true");
    expect(storedConfig("llm1")).not.toHaveProperty("maxTokens");
  });

  it("asks an OpenAI-compatible node for its server's address", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    expect(screen.queryByRole("textbox", { name: "Base URL" })).toBeNull();
    const provider = screen.getByRole("combobox", { name: "Provider" });
    await userEvent.selectOptions(provider, "OpenAI-compatible (Ollama, LM Studio, vLLM…)");
    expect(storedConfig("llm1")?.provider).toBe("openai-compatible");
    const baseUrl = box("Base URL") as HTMLInputElement;
    expect(baseUrl.placeholder).toBe("http://localhost:11434/v1");
    // The flow now lacks it: validateFlow's problem shows under the field.
    expect(descriptionOf(baseUrl)).toContain("has no base URL");
    await userEvent.type(baseUrl, "localhost");
    expect(descriptionOf(baseUrl)).toContain("Use an http:// or https:// address.");
    expect(storedConfig("llm1")).not.toHaveProperty("baseUrl");
    await userEvent.clear(baseUrl);
    await userEvent.paste("http://localhost:11434/v1");
    expect(storedConfig("llm1")?.baseUrl).toBe("http://localhost:11434/v1");
    expect(baseUrl.getAttribute("aria-invalid")).toBeNull();
  });

  it("keeps the API key per provider in the studio, not in the flow", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    expect(screen.queryByLabelText("API key")).toBeNull();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Provider" }), "OpenAI");
    const key = screen.getByLabelText("API key") as HTMLInputElement;
    expect(key.type).toBe("password");
    expect(descriptionOf(key)).toContain(
      "Requests go to https://api.openai.com. A key entered here stays in this browser and goes only there.",
    );
    await userEvent.type(key, "sk-test");
    expect(descriptionOf(key)).toContain("your OpenAI key go only to https://api.openai.com");
    expect(testStudio().getState().credentials.openai?.apiKey).toBe("sk-test");
    expect(JSON.stringify(useFlowStore.getState().flow)).not.toContain("sk-test");
  });

  it("shows a problem under its field and the node's other problems at the top", () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    useFlowStore.getState().updateConfig(nodeId("llm1"), { model: "", memoryWindowSize: 4 });
    render(<NodeInspector />);
    expect(descriptionOf(screen.getByRole("combobox", { name: "Model" }))).toContain(
      'LLM "llm1" has no model: choose one.',
    );
    // llm1 and llm2 share a memory with different windows: validateFlow puts it on llm1.
    expect(descriptionOf(box("Memory window size"))).toContain("different window sizes");
    expect(screen.queryByRole("list", { name: "Problems with this node" })).toBeNull();

    // With memory off the window field is hidden, so a bad window (from a file) goes on top.
    act(() => {
      useFlowStore.getState().updateConfig(nodeId("side"), { memoryWindowSize: -3 });
      useFlowStore.getState().select([nodeId("side")]);
    });
    const top = screen.getByRole("list", { name: "Problems with this node" });
    expect(within(top).getByText(/memory window size must be a whole number/)).toBeTruthy();
  });
});
