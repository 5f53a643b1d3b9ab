import { type CSSProperties, useState } from "react";
import type { MemoryMode } from "../../engine/flow";
import type { FlowProblem } from "../../engine/flowProblem";
import { memoryScope } from "../../engine/memoryScope";
import type { MemoryUser } from "../../engine/memoryUsage";
import { useFlowStore } from "../../store/flowStore";
import { windowAndBudgetLabel } from "../memory/memoryLabels";
import { useCanvasUi } from "./canvasUiStore";
import { useFlowProblems, useMemoryColors, useMemoryUsage } from "./flowDerived";
import {
  endMemoryPreview,
  previewMemory,
  previewMemoryOnHover,
  toggleMemoryPin,
} from "./memoryHighlight";
import { useFocusNode } from "./useFocusNode";

const MODE_WORDS: Record<MemoryMode, string> = {
  "read-write": "reads+writes",
  "read-only": "reads",
  "write-only": "writes",
};

/**
 * Node rows listed under a memory before "Show all": every starter flow fits (two at most),
 * while a memory shared by a hundred nodes no longer lays out a hundred rows on opening.
 */
export const LISTED_USERS = 5;

/** validateFlow's shared-memory warnings carry the memory they are about. */
const warningsAbout = (problems: readonly FlowProblem[], memoryId: string) =>
  problems.filter((p) => p.severity === "warning" && p.memoryId === memoryId);

interface EntryProps {
  memoryId: string;
  users: MemoryUser[];
  color: string | undefined;
  warnings: FlowProblem[];
  /** Flow-scoped: one log for every conversation of the flow. */
  shared: boolean;
}

function LegendEntry({ memoryId, users, color, warnings, shared }: EntryProps) {
  const lit = useFlowStore((s) => s.highlightedMemory === memoryId);
  const pinned = useCanvasUi((s) => s.pinnedMemory === memoryId);
  const focusNode = useFocusNode();
  // Per memory, while the entry is on screen: the flow's other memories keep their own.
  const [all, setAll] = useState(false);
  return (
    // Hovering anywhere on the entry previews it; the button inside is the keyboard way.
    <li
      className={`legend-entry${lit ? " is-lit" : ""}`}
      style={{ "--memory-color": color ?? "var(--muted)" } as CSSProperties}
      onMouseEnter={(event) => previewMemoryOnHover(event, memoryId)}
      onMouseLeave={endMemoryPreview}
    >
      <div className="legend-title">
        <button
          type="button"
          className="memory-badge"
          aria-pressed={pinned}
          title={`Highlight the nodes sharing memory ${memoryId} (click to keep it lit)`}
          onFocus={() => previewMemory(memoryId)}
          onBlur={endMemoryPreview}
          onClick={() => toggleMemoryPin(memoryId)}
        >
          <span className="memory-swatch" aria-hidden="true" />
          <span className="sr-only">Memory </span>
          {memoryId}
        </button>
        <span className="legend-count">
          {users.length === 1 ? "1 node" : `${users.length} nodes share it`}
          {shared && ", every conversation"}
        </span>
      </div>
      <ul className="legend-users">
        {(all ? users : users.slice(0, LISTED_USERS)).map((u) => (
          <li key={u.nodeId}>
            <button
              type="button"
              className="legend-node"
              title={`Show ${u.nodeId} on the canvas`}
              onClick={() => focusNode(u.nodeId)}
            >
              {u.nodeId}
            </button>
            <span className="legend-mode">{MODE_WORDS[u.mode] ?? u.mode}</span>
            <span className="legend-window">
              {windowAndBudgetLabel(u.windowSize, u.windowTokens)}
            </span>
          </li>
        ))}
      </ul>
      {users.length > LISTED_USERS && (
        <button
          type="button"
          className="legend-more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? "Show fewer" : `Show all ${users.length} nodes`}
        </button>
      )}
      {warnings.length > 0 && (
        <ul className="legend-warnings">
          {warnings.map((w) => (
            <li key={w.message}>
              <span className="problem-icon problem-icon-warning" aria-hidden="true">
                !
              </span>
              <span className="sr-only">Warning: </span>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Each memory of the flow in its colour, with the nodes that read and write it and any
 * warning about how they share it. Hover or focus an entry to light its nodes on the canvas.
 * Loaded behind MemoryLegend's heading, apart from the first page.
 */
export function MemoryLegendList() {
  const usage = useMemoryUsage();
  const colors = useMemoryColors();
  // Its sharing warnings follow once the checks have loaded.
  const problems = useFlowProblems() ?? [];
  const flow = useFlowStore((s) => s.flow);
  return (
    <ul className="legend-list">
      {[...usage].map(([memoryId, users]) => (
        <LegendEntry
          key={memoryId}
          memoryId={memoryId}
          users={users}
          color={colors.get(memoryId)}
          warnings={warningsAbout(problems, memoryId)}
          shared={flow !== null && memoryScope(flow, memoryId) === "flow"}
        />
      ))}
    </ul>
  );
}
