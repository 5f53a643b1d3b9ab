// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, testStudio } from "../studioTestSupport";
import { ChatPanel } from "./ChatPanel";
import { makeTurn, resetStores, stubStudio, stubTranscriptLayout } from "./chatTestSupport";

/** The lazily loaded chat modules imported so far in this file's module graph. */
const loaded = vi.hoisted(() => new Set<string>());

// Each factory runs when something first imports the module; the real module still answers.
vi.mock("./Transcript", async (original) => {
  loaded.add("Transcript");
  return original();
});
vi.mock("./ReplyMarkdown", async (original) => {
  loaded.add("ReplyMarkdown");
  return original();
});

beforeEach(() => stubTranscriptLayout());

afterEach(() => {
  cleanup();
  resetStores();
  vi.restoreAllMocks();
});

/** Lets pending imports and effects run, as a browser would between frames. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe("what the chat loads", () => {
  it("loads neither the message list nor the Markdown renderer for an empty chat, then both for the first reply", async () => {
    stubStudio({ turns: [] });
    render(<ChatPanel />);
    await settle();
    expect(screen.getByText(/Say something/)).toBeTruthy();
    expect(loaded).toEqual(new Set());

    await act(async () => {
      testStudio().setState({ turns: [makeTurn(1)] });
    });
    await waitFor(() => expect(screen.getByText("Reply 1")).toBeTruthy());
    await waitFor(() => expect(loaded).toEqual(new Set(["Transcript", "ReplyMarkdown"])));
  });
});
