import { useEffect } from "react";
import type { ProviderCredentials } from "../../engine/provider";
import { useFlowStore } from "../../store/flowStore";
import { hasTextSelection } from "./canvasActions";
import { isTypingTarget } from "./editorShortcuts";
import { pasteEventArrived, prepareCopy, selectionJson } from "./systemClipboard";

/**
 * Copy and paste of nodes through the system clipboard. The keys themselves go on to the browser
 * (useEditorShortcuts does not prevent them), which then fires these events: a copy with nodes
 * selected puts them on the clipboard as flow JSON; a paste of flow JSON adds its nodes. Text
 * fields, dialogs and text selected on the page keep the browser's own copy and paste.
 */
export function useClipboardEvents(
  /** The saved credentials, read at paste time; none: every node-set server is named. */
  credentials: () => ProviderCredentials = () => ({}),
): void {
  useEffect(() => {
    // Pasted nodes may point a provider at any server: say so, as the import preview does.
    const noticeServers = async () => {
      const { flow, selection } = useFlowStore.getState();
      if (!flow) return;
      const pasted = new Set<string>(selection);
      const nodes = flow.nodes.filter((node) => pasted.has(node.id));
      // Where pasted nodes send requests is worded by the key-binding code, which loads on
      // the first paste rather than with the page.
      const { foreignServerSentences } = await import("../common/foreignServers");
      const sentences = foreignServerSentences({ nodes }, credentials());
      if (sentences.length > 0) {
        useFlowStore.getState().showNotice(`Pasted nodes: ${sentences.join(" ")}`);
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!event.clipboardData || isTypingTarget(event.target) || hasTextSelection()) return;
      const json = selectionJson();
      if (json !== null) {
        event.clipboardData.setData("text/plain", json);
        event.preventDefault();
        return;
      }
      const { selection, selectedNotes } = useFlowStore.getState();
      if (selection.length + selectedNotes.length === 0) return;
      // Ctrl+C within a moment of the first selection, before the writer arrived: the
      // clipboard is written once it has (the key press still counts as the user's gesture).
      void prepareCopy().then(() => {
        const late = selectionJson();
        if (late !== null) void navigator.clipboard?.writeText(late).catch(() => {});
      });
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || !useFlowStore.getState().flow) return;
      pasteEventArrived();
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (text.trim() === "") {
        // Nothing textual on the clipboard (empty, an image): the nodes copied here, if any.
        useFlowStore.getState().paste();
        return;
      }
      event.preventDefault();
      // Text that is not flow JSON is simply not for the canvas: nothing happens, no message.
      void import("./pasteFlowText")
        .then(({ pasteFlowText }) => pasteFlowText(text))
        .then((pasted) => {
          if (pasted) return noticeServers();
        });
    };
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    // The copy's writer loads with the first selection, ahead of the Ctrl+C that may follow.
    const stopWatching = useFlowStore.subscribe((state) => {
      if (state.selection.length + state.selectedNotes.length > 0) void prepareCopy();
    });
    return () => {
      stopWatching();
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [credentials]);
}
