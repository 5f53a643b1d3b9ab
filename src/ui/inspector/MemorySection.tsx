import { lazy, Suspense, useId } from "react";
import { type Flow, type LlmNode, MEMORY_MODES, type MemoryMode } from "../../engine/flow";
import { defaultMemoryId, memorySettings } from "../../engine/memorySettings";
import { memoryUsageOf } from "../../store/flowProblems";
import { useFlowStore } from "../../store/flowStore";
import { parseWindowSize } from "../memory/memoryLabels";
import { Field } from "./Field";
import { formatOptional, parseMemoryId } from "./fieldParsers";
import { MemoryScopeField } from "./MemoryScopeField";
import type { PreviewSource } from "./memoryHeadsSource";
import { NextCallPreview } from "./NextCallPreview";
import { fieldProblems, type NodeProblems } from "./nodeProblems";
import { TokenBudgetField } from "./TokenBudgetField";
import { useDraft } from "./useDraft";

// Summary memory's settings load with the first node whose memory is on, not with the page.
const SummarySection = lazy(() => import("./SummarySection"));

const MODE_LABELS: Record<MemoryMode, string> = {
  "read-write": "Read and write",
  "read-only": "Read only",
  "write-only": "Write only",
};

const MODE_HELP: Record<MemoryMode, string> = {
  "read-write": "Sees the window and records each exchange.",
  "read-only": "Sees the window, records nothing.",
  "write-only": "Records each exchange, sees no history.",
};

interface MemorySectionProps {
  node: LlmNode;
  flow: Flow;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
  previewSource?: PreviewSource;
}

export function MemorySection({ node, flow, problems, update, previewSource }: MemorySectionProps) {
  const { config } = node;
  const settings = memorySettings(config);
  const { memoryId, mode, windowSize } = settings;

  return (
    <fieldset className="inspector-memory">
      <legend>Memory</legend>
      <label className="inspector-check">
        <input
          type="checkbox"
          checked={memoryId !== null}
          // On, the memory is named after the node, as in the seed (memory_id="chat_llm").
          onChange={(e) =>
            update({ memoryId: e.target.checked ? defaultMemoryId(node.id) : undefined })
          }
        />
        Use memory
      </label>
      {memoryId !== null && (
        <>
          <MemoryIdField
            nodeId={node.id}
            memoryId={memoryId}
            flow={flow}
            problems={problems}
            update={update}
          />
          <MemoryScopeField memoryId={memoryId} flow={flow} />
          <WindowSizeField windowSize={windowSize} problems={problems} update={update} />
          <TokenBudgetField
            windowTokens={settings.windowTokens}
            provider={config.provider}
            model={config.model}
            problems={problems}
            update={update}
          />
          <Field
            label="Mode"
            help={MODE_HELP[mode]}
            problems={fieldProblems(problems, "memoryMode")}
          >
            {(control) => (
              <select
                {...control}
                value={mode}
                // Absent means read-write: keep the flow file as the seed writes it.
                onChange={(e) => {
                  const next = e.target.value as MemoryMode;
                  update({ memoryMode: next === "read-write" ? undefined : next });
                }}
              >
                {MEMORY_MODES.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABELS[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Suspense fallback={null}>
            <SummarySection node={node} problems={problems} update={update} />
          </Suspense>
        </>
      )}
      <NextCallPreview
        systemPrompt={config.systemPrompt}
        settings={settings}
        model={{
          provider: config.provider,
          model: config.model,
          ...(config.maxTokens !== undefined && { maxTokens: config.maxTokens }),
        }}
        source={previewSource}
      />
    </fieldset>
  );
}

interface MemoryIdFieldProps {
  nodeId: string;
  memoryId: string;
  flow: Flow;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

function MemoryIdField({ nodeId, memoryId, flow, problems, update }: MemoryIdFieldProps) {
  const listId = useId();
  const setHighlightedMemory = useFlowStore((s) => s.setHighlightedMemory);
  const usage = memoryUsageOf(flow);
  const draft = useDraft(memoryId, String, parseMemoryId, (next) => {
    update({ memoryId: next });
    setHighlightedMemory(next);
  });
  const options = [...new Set([nodeId, ...usage.keys()])];
  const sharers = (usage.get(memoryId) ?? []).filter((u) => u.nodeId !== nodeId);

  return (
    <Field
      label="Memory ID"
      help={
        sharers.length > 0
          ? `Shared with ${sharers.map((u) => u.nodeId).join(", ")}`
          : "Only this node uses it. Pick another node's memory id to share its conversation."
      }
      refusal={draft.error}
      problems={fieldProblems(problems, "memoryId")}
    >
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            list={listId}
            spellCheck={false}
            autoComplete="off"
            value={draft.text}
            onChange={(e) => draft.change(e.target.value)}
            onFocus={() => setHighlightedMemory(memoryId)}
            onBlur={() => {
              if (useFlowStore.getState().highlightedMemory === memoryId)
                setHighlightedMemory(null);
            }}
            onKeyDown={(e) => e.key === "Escape" && draft.reset()}
          />
          <datalist id={listId}>
            {options.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

interface WindowSizeFieldProps {
  windowSize: number | null;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

function WindowSizeField({ windowSize, problems, update }: WindowSizeFieldProps) {
  const draft = useDraft(windowSize, formatOptional, parseWindowSize, (next) =>
    update({ memoryWindowSize: next ?? undefined }),
  );
  return (
    <Field
      label="Memory window size"
      help="Empty = all messages, 0 = no history, N = the last N messages before the prompt."
      refusal={draft.error}
      problems={fieldProblems(problems, "memoryWindowSize")}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          placeholder="all messages"
          value={draft.text}
          onChange={(e) => draft.change(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && draft.reset()}
        />
      )}
    </Field>
  );
}
