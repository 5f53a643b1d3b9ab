// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { render } from "../studioTestSupport";
import {
  openWithSelection,
  sharedMemoryFlow,
  shownValue,
  storedConfig,
} from "./inspectorTestSupport";
import { NodeInspector } from "./NodeInspector";

const offered = () =>
  within(screen.getByRole("list", { name: "Available references" }))
    .getAllByRole("button")
    .map((b) => b.textContent);

describe("NodeInspector references", () => {
  it("offers the chat message and upstream nodes, never downstream or unrelated ones", () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    expect(offered()).toEqual(["{{input}}", "{{llm1}}"]);
  });

  it("offers every ancestor to an output, through templates", () => {
    openWithSelection(sharedMemoryFlow(), "output");
    render(<NodeInspector />);
    expect(offered()).toEqual(["{{input}}", "{{llm1}}", "{{llm2}}", "{{summary}}", "{{side}}"]);
  });

  it("inserts a reference where the cursor is", async () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    const prompt = screen.getByRole("textbox", { name: "Prompt" }) as HTMLTextAreaElement;
    await userEvent.click(prompt);
    prompt.setSelectionRange("Summarize: ".length, "Summarize: ".length);
    await userEvent.click(screen.getByRole("button", { name: "{{input}}" }));
    expect(storedConfig("llm2")?.prompt).toBe("Summarize: {{input}}{{llm1}}");
    expect(shownValue(prompt)).toBe("Summarize: {{input}}{{llm1}}");
  });

  it("appends a reference to a prompt that was never focused", async () => {
    openWithSelection(sharedMemoryFlow(), "summary");
    render(<NodeInspector />);
    await userEvent.click(screen.getByRole("button", { name: "{{input}}" }));
    expect(storedConfig("summary")?.template).toBe("{{llm1}} / {{llm2}}{{input}}");
  });
});
