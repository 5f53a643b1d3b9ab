// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, testStudio } from "../studioTestSupport";
import { ChatPanel } from "./ChatPanel";
import { makeTurn, resetStores, stubStudio, stubTranscriptLayout } from "./chatTestSupport";
import { loadTranscript } from "./LazyTranscript";
import { loadReplyMarkdown } from "./lazyReplyMarkdown";

/** How often each reply text went through the Markdown parser. */
const renders = vi.hoisted(() => new Map<string, number>());

// The parser is what costs: count its calls, under the real ReplyMarkdown and its memo.
vi.mock("./markdownFormatter", async () => {
  const { markdownToHast } =
    await vi.importActual<typeof import("./markdownToHast")>("./markdownToHast");
  const counting = async (text: string) => {
    renders.set(text, (renders.get(text) ?? 0) + 1);
    return markdownToHast(text);
  };
  return { formatter: () => counting };
});

beforeEach(() => stubTranscriptLayout());

afterEach(() => {
  cleanup();
  resetStores();
  renders.clear();
  vi.restoreAllMocks();
});

describe("Transcript while a reply streams", () => {
  it("re-renders only the streaming reply, not the finished ones above it", async () => {
    const streaming = makeTurn(3, { runId: undefined, status: "running", outputs: {} });
    stubStudio({ turns: [makeTurn(1), makeTurn(2), streaming], running: new AbortController() });
    render(<ChatPanel />);
    // The list's and the Markdown code arrive lazily: let them, as before the first tokens.
    await act(async () => {
      await loadTranscript();
    });
    await act(async () => {
      await loadReplyMarkdown();
    });
    await waitFor(() => {
      expect(renders.get("Reply 1")).toBe(1);
      expect(renders.get("Reply 2")).toBe(1);
    });

    let text = "";
    for (const token of ["Once ", "upon ", "a ", "time"]) {
      text += token;
      await act(async () => {
        testStudio().setState((s) => ({
          turns: s.turns.map((t, i) =>
            i === s.turns.length - 1 ? { ...t, outputs: { output: text } } : t,
          ),
        }));
      });
    }

    await waitFor(() => expect(renders.get("Once upon a time")).toBe(1));
    expect(screen.getByText("Once upon a time")).toBeTruthy();
    expect(renders.get("Reply 1")).toBe(1);
    expect(renders.get("Reply 2")).toBe(1);
  });
});
