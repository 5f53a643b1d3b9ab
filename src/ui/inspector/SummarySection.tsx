import { useState } from "react";
import { type LlmNode, type MemorySummaryConfig, PROVIDERS } from "../../engine/flow";
import { summarySettings } from "../../engine/memorySummary";
import { isProviderName, PROVIDER_TABLE } from "../../engine/providers/providerTable";
import { DEFAULT_SUMMARY_PROMPT } from "../../engine/summaryUpdate";
import { Field } from "./Field";
import { fieldProblems, type NodeProblems } from "./nodeProblems";
import { TemplateField } from "./TemplateField";

interface SummarySectionProps {
  node: LlmNode;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

/**
 * Summary memory (docs/memory.md, "Summary memory"): off, or who summarizes what falls out of
 * the window (provider, model) and with which prompt. Loaded with the memory settings that
 * show it, never with the first page.
 */
export default function SummarySection({ node, problems, update }: SummarySectionProps) {
  const raw = node.config.memorySummary;
  const on = typeof raw === "object" && raw !== null && !Array.isArray(raw);
  const given: MemorySummaryConfig = on ? raw : {};
  const effective = summarySettings(node.config);
  const set = (patch: Partial<MemorySummaryConfig>) => {
    const next: Record<string, unknown> = { ...given, ...patch };
    // An empty field means "the node's own": written as absent, as the flow file has it.
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    update({ memorySummary: next });
  };
  return (
    <fieldset className="inspector-summary">
      <legend>Summary</legend>
      <label className="inspector-check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => update({ memorySummary: e.target.checked ? {} : undefined })}
        />
        Summarize what falls out of the window
      </label>
      {on ? (
        <>
          <p className="inspector-help">
            Sent as one system message after the system prompt, updated before a call when messages
            newly fall out of the window. Summarized by {effective?.model} (
            {effective && titleOf(effective.provider)}).
          </p>
          <Field label="Summary provider" problems={fieldProblems(problems, "memorySummary")}>
            {(control) => (
              <select
                {...control}
                value={given.provider ?? ""}
                onChange={(e) =>
                  set({
                    provider: (e.target.value || undefined) as MemorySummaryConfig["provider"],
                  })
                }
              >
                <option value="">The node's ({titleOf(node.config.provider)})</option>
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {PROVIDER_TABLE[p].menuLabel}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SummaryModelField
            value={given.model ?? ""}
            placeholder={`the node's (${node.config.model})`}
            commit={(model) => set({ model: model.trim() === "" ? undefined : model })}
          />
          <TemplateField
            label="Summary prompt"
            value={given.prompt}
            onCommit={(prompt) => set({ prompt: prompt?.trim() ? prompt : undefined })}
            references={null}
            placeholder={`Default: ${DEFAULT_SUMMARY_PROMPT}`}
          />
        </>
      ) : (
        <p className="inspector-help">Off: messages outside the window are not sent.</p>
      )}
    </fieldset>
  );
}

/** A provider's name; a flow file may name one this build does not know. */
const titleOf = (provider: string) =>
  isProviderName(provider) ? PROVIDER_TABLE[provider].title : provider;

function SummaryModelField(props: {
  value: string;
  placeholder: string;
  commit: (value: string) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? props.value;
  const done = () => {
    if (text !== null && text !== props.value) props.commit(text);
    setText(null);
  };
  return (
    <Field label="Summary model">
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder={props.placeholder}
          value={shown}
          onChange={(e) => setText(e.target.value)}
          onBlur={done}
          onKeyDown={(e) => {
            if (e.key === "Enter") done();
            if (e.key === "Escape") setText(null);
          }}
        />
      )}
    </Field>
  );
}
