// @vitest-environment happy-dom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { render, testStudio } from "../studioTestSupport";
import {
  descriptionOf,
  openWithSelection,
  sharedMemoryFlow,
  storedConfig,
} from "./inspectorTestSupport";
import { NodeInspector } from "./NodeInspector";

afterEach(() => vi.unstubAllGlobals());

const modelBox = () => screen.getByRole("combobox", { name: "Model" }) as HTMLInputElement;
const provider = () => screen.getByRole("combobox", { name: "Provider" });
/** The names the Model box suggests. */
const suggestions = () => {
  const id = modelBox().getAttribute("list");
  return [...(id ? (document.getElementById(id)?.querySelectorAll("option") ?? []) : [])].map(
    (o) => o.value,
  );
};

/** A server answering every models request with `models`, in OpenAI's format. */
function stubModelsServer(models: string[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
      return new Response(JSON.stringify({ data: models.map((id) => ({ id })) }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return calls;
}

describe("the Model field", () => {
  it("gives a node switched to another provider that provider's default model", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    expect(suggestions()).toEqual(["echo"]);
    await userEvent.selectOptions(provider(), "Anthropic");
    expect(storedConfig("llm1")).toMatchObject({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
    });
    expect(modelBox().value).toBe("claude-sonnet-4-5");
    // One undo step takes back both.
    act(() => useFlowStore.history.undo());
    expect(storedConfig("llm1")).toMatchObject({ provider: "echo", model: "echo" });
  });

  it("says in one line why there is no list without a key, and still takes a typed name", async () => {
    const calls = stubModelsServer(["gpt-4o-mini"]);
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await userEvent.selectOptions(provider(), "OpenAI");
    await waitFor(() =>
      expect(descriptionOf(modelBox())).toBe(
        "No model list: Enter the API key for OpenAI first. You can still type a name. Try again",
      ),
    );
    expect(calls).toEqual([]);
    await userEvent.clear(modelBox());
    await userEvent.type(modelBox(), "gpt-5-nano");
    expect(storedConfig("llm1")?.model).toBe("gpt-5-nano");

    // A key entered since: the list can be asked for again, and the key goes to OpenAI.
    await userEvent.type(screen.getByLabelText("API key"), "sk-typed");
    await userEvent.click(screen.getByRole("button", { name: "List models" }));
    await waitFor(() =>
      expect(descriptionOf(modelBox())).toContain("1 model from OpenAI (api.openai.com)"),
    );
    expect(descriptionOf(modelBox())).toContain("gpt-5-nano is not among them.");
    expect(calls.map((c) => [c.url, c.headers.authorization])).toEqual([
      ["https://api.openai.com/v1/models", "Bearer sk-typed"],
    ]);
  });

  it("lists the models of the server in Settings, once per provider and address in a session", async () => {
    const calls = stubModelsServer(["qwen3", "llama3.2"]);
    testStudio().setState({
      credentials: { "openai-compatible": { baseUrl: "http://models-a.test:11434/v1" } },
    });
    openWithSelection(sharedMemoryFlow(), "llm1");
    render(<NodeInspector />);
    await userEvent.selectOptions(provider(), "OpenAI-compatible (Ollama, LM Studio, vLLM…)");
    expect(storedConfig("llm1")?.model).toBe("llama3.2");
    await waitFor(() => expect(suggestions()).toEqual(["llama3.2", "qwen3"]));
    expect(descriptionOf(modelBox())).toContain(
      "2 models from OpenAI-compatible (models-a.test:11434): pick one or type a name.",
    );
    expect(calls.map((c) => c.url)).toEqual(["http://models-a.test:11434/v1/models"]);

    // Another node on the same server: the list is there at once, not asked again.
    act(() => useFlowStore.getState().select([nodeId("llm2")]));
    await userEvent.selectOptions(provider(), "OpenAI-compatible (Ollama, LM Studio, vLLM…)");
    expect(suggestions()).toEqual(["llama3.2", "qwen3"]);
    expect(calls).toHaveLength(1);
  });

  it("never sends a saved key to a server the node names but the key is not approved for", async () => {
    const calls = stubModelsServer(["gpt-4o-mini"]);
    testStudio().setState({ credentials: { openai: { apiKey: "sk-saved-secret" } } });
    const flow = sharedMemoryFlow();
    openWithSelection(flow, "llm1");
    act(() =>
      useFlowStore.getState().updateConfig(nodeId("llm1"), {
        provider: "openai",
        model: "gpt-4o-mini",
        baseUrl: "https://elsewhere.test/v1",
      }),
    );
    render(<NodeInspector />);
    await userEvent.click(modelBox());
    await waitFor(() => expect(descriptionOf(modelBox())).toContain("No model list:"));
    expect(descriptionOf(modelBox())).toContain("https://elsewhere.test");
    expect(descriptionOf(modelBox())).not.toContain("sk-saved-secret");
    expect(calls).toEqual([]);
  });
});
