// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listModels } from "../../engine/providers/listModels";
import { testStudio } from "../studioTestSupport";
import { openSettingsFor, renderSettings, resetSettings } from "./settingsTestSupport";

vi.mock("../../engine/providers/listModels", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../engine/providers/listModels")>()),
  listModels: vi.fn(),
}));
const listed = vi.mocked(listModels);

afterEach(() => {
  resetSettings();
  listed.mockReset();
});

const testButton = (title: string) =>
  screen.getByRole("button", { name: `Test connection to ${title}` });

describe("Test connection", () => {
  it("lists the models the server answers with, testing the address and key as typed", async () => {
    listed.mockResolvedValue({ ok: true, models: ["llama3.2:latest", "qwen2.5:7b"] });
    const user = renderSettings();
    openSettingsFor("openai-compatible");
    await user.type(
      screen.getByLabelText("OpenAI-compatible base URL"),
      "http://localhost:11434/v1",
    );
    await user.type(screen.getByLabelText("OpenAI-compatible API key"), "ollama");
    await user.click(testButton("OpenAI-compatible"));

    expect(await screen.findByText("Connected: 2 models.")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Models from OpenAI-compatible" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["llama3.2:latest", "qwen2.5:7b"]);
    expect(listed).toHaveBeenCalledWith(
      expect.objectContaining({
        provider: "openai-compatible",
        baseUrl: "http://localhost:11434/v1",
        credential: { apiKey: "ollama", baseUrl: "http://localhost:11434/v1" },
        pageOrigin: window.location.origin,
      }),
    );
  });

  it("shows why the connection failed, in words", async () => {
    const message = `Could not reach the OpenAI-compatible server at http://localhost:11434/v1. … OLLAMA_ORIGINS=${window.location.origin} ollama serve`;
    listed.mockResolvedValue({ ok: false, message });
    const user = renderSettings();
    openSettingsFor(undefined);
    await user.type(
      screen.getByLabelText("OpenAI-compatible base URL"),
      "http://localhost:11434/v1",
    );
    await user.click(testButton("OpenAI-compatible"));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Models from OpenAI-compatible" })).toBeNull();
  });

  it("tests a hosted provider with the saved key and its default address", async () => {
    listed.mockResolvedValue({ ok: true, models: ["claude-sonnet-4-5"] });
    testStudio().setState({ credentials: { anthropic: { apiKey: "sk-ant-saved" } } });
    const user = renderSettings();
    openSettingsFor("anthropic");
    await user.click(testButton("Anthropic"));
    expect(await screen.findByText("Connected: 1 model.")).toBeTruthy();
    const call = listed.mock.calls[0]?.[0];
    expect(call).toMatchObject({ provider: "anthropic", credential: { apiKey: "sk-ant-saved" } });
    expect(call).not.toHaveProperty("baseUrl");
  });

  it("forgets an answer once the key changes: it was about the old key", async () => {
    listed.mockResolvedValue({ ok: false, message: "The API key for OpenAI was refused (401)." });
    testStudio().setState({ credentials: { openai: { apiKey: "sk-old" } } });
    const user = renderSettings();
    openSettingsFor("openai");
    await user.click(testButton("OpenAI"));
    expect(await screen.findByText("The API key for OpenAI was refused (401).")).toBeTruthy();
    await user.type(screen.getByLabelText("OpenAI API key"), "x");
    expect(screen.queryByText("The API key for OpenAI was refused (401).")).toBeNull();
  });
});
