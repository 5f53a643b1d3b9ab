import { vi } from "vitest";
import { runId } from "../../engine/ids";
import type { ChatTurn } from "../../store/chatTurns";
import type { StudioState } from "../../store/studioStore";
import { resetTestStudio, testStudio } from "../studioTestSupport";

/** A finished exchange; override what the test is about. */
export function makeTurn(n: number, patch: Partial<ChatTurn> = {}): ChatTurn {
  return {
    runId: runId(`run-${n}`),
    parentRunId: n > 1 ? runId(`run-${n - 1}`) : null,
    input: `Message ${n}`,
    outputs: { output: `Reply ${n}` },
    status: "ok",
    memoryNotes: [],
    ...patch,
  };
}

/** Puts turns in the studio store with every chat action a stub, and returns the stubs. */
export function stubStudio(state: Partial<StudioState> = {}) {
  const actions = {
    send: vi.fn(async () => {}),
    editMessage: vi.fn(async () => {}),
    regenerate: vi.fn(async () => {}),
    switchBranch: vi.fn(async () => {}),
    stop: vi.fn(),
    newConversation: vi.fn(),
    openConversation: vi.fn(async () => {}),
    renameConversation: vi.fn(async () => {}),
    deleteConversation: vi.fn(async () => {}),
    inspectRun: vi.fn(),
  };
  testStudio().setState({ status: "ready", running: null, ...actions, ...state });
  return actions;
}

/** Back to a fresh store for the next test. */
export function resetStores() {
  resetTestStudio();
}

/**
 * happy-dom does no layout: every element is 0 px tall, and the virtualizer then shows nothing.
 * Gives the transcript a viewport and a scroll height that follows the virtualizer's total;
 * turns fall back to the estimated height. Undone by vi.restoreAllMocks().
 */
export function stubTranscriptLayout(viewportPx = 600) {
  const isTranscript = (el: Element) => el.classList.contains("chat-transcript");
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockImplementation(function (
    this: HTMLElement,
  ) {
    return isTranscript(this) ? viewportPx : 0;
  });
  vi.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockImplementation(function (
    this: HTMLElement,
  ) {
    const list = this.querySelector("ol");
    return isTranscript(this) && list ? Number.parseFloat(list.style.height) : 0;
  });
}
