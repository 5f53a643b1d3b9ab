// @vitest-environment happy-dom

import { cleanup, renderHook } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flowId, nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { useCanvasUi } from "./canvasUiStore";
import { EDITOR_ACTIONS } from "./editorActions";
import type { KeyCombo } from "./keyCombos";
import { useEditorShortcuts } from "./useEditorShortcuts";

const initial = useFlowStore.getState();
const ids = () => useFlowStore.getState().flow?.nodes.map((n) => n.id);

/** Presses a key combination on the page, as a user would; returns the event. */
function press(combo: KeyCombo, mod: "ctrlKey" | "metaKey" = "ctrlKey"): KeyboardEvent {
  const event = new KeyboardEvent("keydown", {
    key: combo.shift ? combo.key.toUpperCase() : combo.key,
    shiftKey: combo.shift ?? false,
    [mod]: combo.mod ?? false,
    bubbles: true,
    cancelable: true,
  });
  document.body.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  useFlowStore.getState().open(flowId("flow-1"), STARTER_FLOWS.chatWithMemory.build());
  renderHook(useEditorShortcuts, { wrapper: ReactFlowProvider });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
  useFlowStore.setState(initial, true);
  useCanvasUi.setState({ shortcutsOpen: false, selectedEdges: new Set() });
});

describe("useEditorShortcuts", () => {
  const withShortcuts = EDITOR_ACTIONS.filter((a) => a.shortcuts.length > 0);

  it.each(withShortcuts.map((a) => [a.id, a] as const))(
    "every shortcut of %s runs it and no other action, with Ctrl or ⌘",
    (_id, action) => {
      vi.useFakeTimers();
      const runs = new Map(
        EDITOR_ACTIONS.map((a) => {
          vi.spyOn(a, "enabled").mockReturnValue(true);
          return [a.id, vi.spyOn(a, "run").mockImplementation(() => undefined)] as const;
        }),
      );
      let expected = 0;
      for (const combo of action.shortcuts) {
        for (const mod of ["ctrlKey", "metaKey"] as const) {
          if (!combo.mod && mod === "metaKey") continue;
          const event = press(combo, mod);
          // A paste waits for the browser's paste event, and runs only if none comes.
          vi.runAllTimers();
          expect(runs.get(action.id)).toHaveBeenCalledTimes(++expected);
          // Copy and paste keys go on to the browser, for the system clipboard; others stop here.
          expect(event.defaultPrevented).toBe(action.systemClipboard === undefined);
        }
      }
      for (const [id, run] of runs) if (id !== action.id) expect(run).not.toHaveBeenCalled();
    },
  );

  it("runs the real action: Ctrl+A selects every node, Ctrl+D duplicates, Delete deletes", () => {
    press({ key: "a", mod: true });
    expect(useFlowStore.getState().selection).toEqual(["input", "chat_llm", "output"]);
    useFlowStore.getState().select([nodeId("chat_llm")]);
    press({ key: "d", mod: true });
    expect(ids()).toEqual(["input", "chat_llm", "output", "chat_llm_2"]);
    press({ key: "Delete" });
    expect(ids()).toEqual(["input", "chat_llm", "output"]);
    press({ key: "z", mod: true });
    expect(ids()).toContain("chat_llm_2");
    press({ key: "?" });
    expect(useCanvasUi.getState().shortcutsOpen).toBe(true);
  });

  it("leaves a key to the browser when its action cannot run now", () => {
    // Nothing selected: Backspace is not the canvas's (and Ctrl+Z has nothing to undo).
    const backspace = press({ key: "Backspace" });
    expect(backspace.defaultPrevented).toBe(false);
    expect(ids()).toEqual(["input", "chat_llm", "output"]);
    expect(press({ key: "z", mod: true }).defaultPrevented).toBe(false);
  });

  it("never takes keys typed into a text field", () => {
    document.body.innerHTML = '<textarea aria-label="Message"></textarea>';
    useFlowStore.getState().select([nodeId("chat_llm")]);
    const field = document.querySelector("textarea") as HTMLTextAreaElement;
    const event = new KeyboardEvent("keydown", { key: "Delete", bubbles: true, cancelable: true });
    field.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(ids()).toEqual(["input", "chat_llm", "output"]);
  });
});
