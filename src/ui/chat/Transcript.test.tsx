// @vitest-environment happy-dom
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "../studioTestSupport";
import { ChatPanel } from "./ChatPanel";
import { makeTurn, resetStores, stubStudio, stubTranscriptLayout } from "./chatTestSupport";
import { loadTranscript } from "./LazyTranscript";

beforeEach(() => stubTranscriptLayout());

afterEach(() => {
  cleanup();
  resetStores();
  vi.restoreAllMocks();
});

const manyTurns = (n: number) => Array.from({ length: n }, (_, i) => makeTurn(i + 1));

describe("Transcript", () => {
  it("renders only a window of a 10,000-message conversation, opened at the newest", async () => {
    stubStudio({ turns: manyTurns(10_000) });
    render(<ChatPanel />);
    // The list's code arrives lazily, as it does once a conversation has a turn.
    await act(async () => {
      await loadTranscript();
    });
    const transcript = document.querySelector(".chat-transcript") as HTMLElement;
    // The virtualizer follows the scroll event the browser would send after the pin to the bottom.
    await act(async () => {
      transcript.dispatchEvent(new Event("scroll"));
    });

    const rendered = screen.getAllByRole("listitem");
    const turnItems = rendered.filter((li) => li.hasAttribute("data-index"));
    expect(turnItems.length).toBeGreaterThan(0);
    expect(turnItems.length).toBeLessThan(30);
    expect(screen.getByText("Message 10000")).toBeTruthy();
    expect(screen.queryByText("Message 1")).toBeNull();
    // Screen readers still hear how long the conversation is.
    expect(turnItems.at(-1)?.getAttribute("aria-setsize")).toBe("10000");
    expect(turnItems.at(-1)?.getAttribute("aria-posinset")).toBe("10000");
  });

  it("says what to do in an empty conversation", () => {
    stubStudio({ turns: [] });
    render(<ChatPanel />);
    expect(screen.getByText(/Say something/)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Messages" })).toBeNull();
  });
});
