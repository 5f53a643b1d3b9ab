// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "../studioTestSupport";
import { ChatPanel } from "./ChatPanel";
import { resetStores, stubStudio, stubTranscriptLayout } from "./chatTestSupport";

/**
 * The lazily loaded chat modules imported so far in this file's module graph: a file of its
 * own (not beside ChatPanel.loading.test.tsx), so nothing is loaded yet when it starts.
 */
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

describe("what the chat loads ahead of the first reply", () => {
  it("fetches both once the user starts typing, so the first reply does not wait for them", async () => {
    stubStudio({ turns: [] });
    render(<ChatPanel />);
    await settle();
    expect(loaded).toEqual(new Set());
    await userEvent.setup().type(screen.getByRole("textbox", { name: "Message" }), "H");
    await waitFor(() => expect(loaded).toEqual(new Set(["Transcript", "ReplyMarkdown"])));
  });
});
