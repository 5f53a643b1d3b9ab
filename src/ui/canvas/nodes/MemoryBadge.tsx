import { type CSSProperties, type KeyboardEvent, memo } from "react";
import type { MemoryMode } from "../../../engine/flow";
import { windowAndBudgetLabel } from "../../memory/memoryLabels";
import { useCanvasUi } from "../canvasUiStore";
import {
  endMemoryPreview,
  previewMemory,
  previewMemoryOnHover,
  toggleMemoryPin,
} from "../memoryHighlight";
import { modeLabel } from "../nodeLabels";

export interface MemoryBadgeProps {
  memoryId: string | null;
  /** The memory's colour (memoryColors.ts), the same on every node sharing it. */
  color: string | null;
  windowSize: number | null;
  /** The token budget; null: none. */
  windowTokens?: number | null;
  mode: MemoryMode;
  /** Summary memory is on: shown as "+ summary" after the window. */
  summarized?: boolean;
  /** Flow-scoped: shown as "every conversation" after the window. */
  shared?: boolean;
}

// Enter and Space press the badge; inside a node they would also toggle the node's selection.
const keepKeysInBadge = (event: KeyboardEvent) => {
  if (event.key === "Enter" || event.key === " ") event.stopPropagation();
};

/**
 * An LLM node's memory at a glance: a pill in the memory's colour (hover or focus lights up
 * every node sharing it, a click keeps it lit), then the window and mode in words.
 */
export const MemoryBadge = memo(function MemoryBadge({
  memoryId,
  color,
  windowSize,
  windowTokens,
  mode,
  summarized,
  shared,
}: MemoryBadgeProps) {
  const pinned = useCanvasUi((s) => memoryId !== null && s.pinnedMemory === memoryId);
  if (!memoryId) {
    return (
      <div className="memory-row">
        <span className="memory-badge memory-badge-off">no memory</span>
      </div>
    );
  }
  const m = modeLabel(mode);
  return (
    <div className="memory-row">
      <button
        type="button"
        // nodrag: pressing the badge must not start dragging the node.
        className="memory-badge nodrag"
        style={{ "--memory-color": color ?? "var(--muted)" } as CSSProperties}
        aria-pressed={pinned}
        title={`Highlight the nodes sharing memory ${memoryId} (click to keep it lit)`}
        onMouseEnter={(event) => previewMemoryOnHover(event, memoryId)}
        onMouseLeave={endMemoryPreview}
        onFocus={() => previewMemory(memoryId)}
        onBlur={endMemoryPreview}
        onClick={() => toggleMemoryPin(memoryId)}
        onKeyDown={keepKeysInBadge}
      >
        <span className="memory-swatch" aria-hidden="true" />
        {/* Named by its text, not aria-label: page queries for a "Memory" field stay unambiguous. */}
        <span className="sr-only">Memory </span>
        {memoryId}
      </button>
      <span className="memory-window">
        {windowAndBudgetLabel(windowSize, windowTokens ?? null)}
        {summarized && " + summary"}
        {shared && <span className="memory-mode"> · every conversation</span>}
        {m && <span className="memory-mode"> · {m}</span>}
      </span>
    </div>
  );
});
