import "./inspector.css";
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Flow, FlowNode } from "../../engine/flow";
import type { EditResult } from "../../engine/flowEdits";
import type { FlowProblem } from "../../engine/flowProblem";
import type { NodeId } from "../../engine/ids";
import { nodeMemory } from "../../engine/memorySettings";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { INPUT_REFERENCE } from "../../engine/template";
import { structureOf } from "../../store/flowProblems";
import { useFlowStore } from "../../store/flowStore";
import { problemsOf } from "../../store/problemsOf";
import { useDeferredWhenLarge, useLargeFlowDeferred, useWithSettings } from "../canvas/flowDerived";
import { openRunFromHere } from "../canvas/runFromHere/openRunFromHere";
import { availableReferences } from "./availableReferences";
import { ConnectionsField } from "./ConnectionsField";
import { LlmSettings } from "./LlmSettings";
import { MemorySection } from "./MemorySection";
import type { PreviewSource } from "./memoryHeadsSource";
import { NodeIdField } from "./NodeIdField";
import { fieldProblems, nodeProblems } from "./nodeProblems";
import { TemplateField } from "./TemplateField";

export interface NodeInspectorProps {
  /** Where the next-call preview reads memory; by default the studio's open conversation. */
  previewSource?: PreviewSource;
}

/** Edits the one selected node of the open flow. */
export function NodeInspector({ previewSource }: NodeInspectorProps) {
  const live = useFlowStore((s) => s.selection);
  // Positions are not shown here: a drag (a new flow per frame) must not re-render the form.
  const flow = useFlowStore((s) => (s.flow ? structureOf(s.flow) : null));
  // Pressing a node selects it and starts its drag: its settings render in the background,
  // between the drag's frames, instead of holding the first ones back (React's deferred value).
  // A node renamed or deleted is not deferred: the form follows its new id at once, keeping focus.
  const deferred = useDeferredValue(live);
  const selection = deferred.every((id) => flow?.nodes.some((n) => n.id === id)) ? deferred : live;
  const selectedId = selection.length === 1 ? (selection[0] as NodeId) : null;
  const form = useFormIdentity(selectedId);
  const node = selectedId ? flow?.nodes.find((n) => n.id === selectedId) : undefined;
  const sectionRef = useRef<HTMLElement>(null);

  // Another node's settings start at their top, not where the last node's were scrolled to.
  useLayoutEffect(() => {
    const panel = sectionRef.current?.closest('[role="tabpanel"]');
    if (panel && form.key) panel.scrollTop = 0;
  }, [form.key]);

  return (
    <section className="inspector" aria-label="Node inspector" ref={sectionRef}>
      {selection.length > 1 ? (
        <p className="inspector-empty">{selection.length} nodes selected</p>
      ) : node && flow ? (
        <NodeForm
          key={form.key}
          node={node}
          flow={flow}
          onRename={form.trackRename}
          previewSource={previewSource}
        />
      ) : (
        <p className="inspector-empty">Select a node to edit it</p>
      )}
    </section>
  );
}

/**
 * A key that changes when another node is selected, so no half-typed text follows the user
 * to it, but not when the selected node is renamed from here: its form (and focus) stays.
 */
function useFormIdentity(selectedId: NodeId | null) {
  const [form, setForm] = useState({ id: selectedId, key: 0 });
  const lastRename = useRef<{ from: NodeId; to: string } | null>(null);
  if (form.id !== selectedId) {
    const last = lastRename.current;
    const renamedHere = last?.from === form.id && last?.to === selectedId;
    setForm({ id: selectedId, key: renamedHere ? form.key : form.key + 1 });
  }
  const trackRename = useCallback((from: NodeId, to: string, attempt: () => EditResult) => {
    // Noted first: the store re-renders with the new id before `attempt` returns.
    lastRename.current = { from, to };
    const result = attempt();
    if (!result.ok) lastRename.current = null;
    return result;
  }, []);
  return { key: form.key, trackRename };
}

const NO_PROBLEMS: FlowProblem[] = [];

interface NodeFormProps {
  node: FlowNode;
  flow: Flow;
  onRename: (from: NodeId, to: string, attempt: () => EditResult) => EditResult;
  previewSource?: PreviewSource;
}

function NodeForm({ node, flow, onRename, previewSource }: NodeFormProps) {
  const updateConfig = useFlowStore((s) => s.updateConfig);
  const renameNode = useFlowStore((s) => s.renameNode);
  const update = (patch: Record<string, unknown>) => updateConfig(node.id, patch);
  const rename = (to: string) => onRename(node.id, to, () => renameNode(node.id, to));

  // A base URL set in Settings serves this node too: its absence here is no problem then.
  // For a large flow, of the one of a deferred render: checking 50,000 nodes in the render of
  // an edit (a rename's keystroke) held the page over 100 ms.
  const checked = useLargeFlowDeferred(flow);
  const allProblems = useWithSettings(checked ? problemsOf(checked) : NO_PROBLEMS);
  // Walks the graph of every node: for a large flow, in a deferred render of its own.
  const asked = useDeferredWhenLarge(
    flow,
    useMemo(() => ({ flow, id: node.id }), [flow, node.id]),
  );
  const references = useMemo(
    () => (asked ? availableReferences(asked.flow, asked.id) : [INPUT_REFERENCE]),
    [asked],
  );
  const problems = nodeProblems(allProblems, node.id, shownFields(node));
  const kind = NODE_KINDS[node.type];

  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()}>
      <h2 className="inspector-title">
        <span className={`inspector-kind inspector-kind-${node.type}`}>{kind.label}</span>
        {node.id}
      </h2>
      <button
        type="button"
        className="secondary inspector-run-from-here"
        onClick={() => openRunFromHere(node.id)}
      >
        Run from here
      </button>
      {problems.general.length > 0 && (
        <ul className="inspector-problems" aria-label="Problems with this node">
          {problems.general.map((p) => (
            <li key={p.message} className={`inspector-problem ${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <NodeIdField
        id={node.id}
        flow={flow}
        onRename={rename}
        problems={fieldProblems(problems, "id")}
      />
      {node.type === "input" && (
        <p className="inspector-help">
          Receives the chat message. Other nodes use it as {"{{input}}"}.
        </p>
      )}
      {node.type === "llm" && (
        <>
          <LlmSettings node={node} references={references} problems={problems} update={update} />
          <MemorySection
            node={node}
            flow={flow}
            problems={problems}
            update={update}
            previewSource={previewSource}
          />
        </>
      )}
      {node.type === "template" && (
        <TemplateField
          label="Template"
          value={node.config.template}
          onCommit={(template) => update({ template })}
          references={references}
          problems={fieldProblems(problems, "template")}
          placeholder="Empty: the output of the single node connected to it"
        />
      )}
      {node.type === "output" && (
        <TemplateField
          label="Value"
          value={node.config.value}
          onCommit={(value) => update({ value })}
          references={references}
          problems={fieldProblems(problems, "value")}
          help="What the chat shows for this output."
          placeholder="Empty: the output of the single node connected to it"
        />
      )}
      <ConnectionsField node={node} flow={flow} />
    </form>
  );
}

/** The config fields on screen for this node: their problems go under them, the rest on top. */
function shownFields(node: FlowNode): Set<string> {
  const fields = new Set(["id"]);
  const template = NODE_KINDS[node.type].templateField;
  if (template) fields.add(template);
  if (node.type !== "llm") return fields;
  for (const f of ["provider", "model", "systemPrompt", "temperature", "maxTokens"]) fields.add(f);
  if (node.config.provider !== "echo") fields.add("baseUrl");
  if (nodeMemory(node).memoryId !== null) {
    for (const f of ["memoryId", "memoryWindowSize", "memoryMode"]) fields.add(f);
  }
  return fields;
}
