// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReplaySettings } from "../../../engine/replayCall";
import { ReplayForm } from "./ReplayForm";

afterEach(cleanup);

const recorded: ReplaySettings = {
  provider: "echo",
  model: "echo",
  baseUrl: "",
  systemPrompt: "Be brief.",
  windowSize: null,
  windowTokens: null,
  mode: "read-write",
  summary: { kind: "recorded" },
};

function form(hasMemory = true) {
  const onReplay = vi.fn();
  render(
    <ReplayForm
      recorded={recorded}
      hasMemory={hasMemory}
      memoryId={hasMemory ? "chat_llm" : null}
      running={false}
      onReplay={onReplay}
      onStop={() => {}}
    />,
  );
  return onReplay;
}

describe("ReplayForm", () => {
  it("refuses a window that is not a whole number, saying why, and replays a valid one", async () => {
    const onReplay = form();
    const window = screen.getByRole("textbox", { name: "Window (messages)" });
    await userEvent.type(window, "2.5");
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).not.toHaveBeenCalled();
    expect(screen.getByText(/Use a whole number ≥ 0/)).toBeTruthy();
    expect(window.getAttribute("aria-invalid")).toBe("true");

    await userEvent.clear(window);
    await userEvent.type(window, "3");
    await userEvent.type(screen.getByRole("textbox", { name: "Token budget" }), "40");
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).toHaveBeenCalledWith({ ...recorded, windowSize: 3, windowTokens: 40 });
  });

  it("Reset goes back to the call's settings; a call without memory has no window to change", async () => {
    const onReplay = form(false);
    expect(screen.getByText(/This call read no memory/)).toBeTruthy();
    // Disabled with its fieldset (happy-dom does not pass that on to the input's property).
    const window = screen.getByRole("textbox", { name: "Window (messages)" });
    expect(window.closest("fieldset")?.hasAttribute("disabled")).toBe(true);
    const system = screen.getByRole("textbox", { name: "System prompt" });
    await userEvent.clear(system);
    await userEvent.click(screen.getByRole("button", { name: "Reset to the call's settings" }));
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).toHaveBeenCalledWith(recorded);
  });

  it("replays with the summary off, or by another summarizer once its model is named", async () => {
    const onReplay = form();
    const summary = screen.getByRole("combobox", { name: "Summary" });
    await userEvent.selectOptions(summary, "off");
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).toHaveBeenLastCalledWith({ ...recorded, summary: { kind: "off" } });

    await userEvent.selectOptions(summary, "another summarizer");
    const model = screen.getByRole("textbox", { name: "Summarizer model" });
    await userEvent.clear(model);
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Name the summarizer's model.")).toBeTruthy();

    await userEvent.type(model, "small");
    await userEvent.type(screen.getByRole("textbox", { name: "Summary prompt" }), "Sum up.");
    await userEvent.click(screen.getByRole("button", { name: "Replay" }));
    expect(onReplay).toHaveBeenLastCalledWith({
      ...recorded,
      summary: {
        kind: "summarizer",
        summarizer: { provider: "echo", model: "small", prompt: "Sum up." },
      },
    });
  });
});
