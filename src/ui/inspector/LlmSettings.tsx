import { type Ref, useEffect, useRef, useState } from "react";
import type { LlmNode, ProviderName } from "../../engine/flow";
import { PROVIDERS } from "../../engine/flow";
import type { FlowProblem } from "../../engine/flowProblem";
import {
  type HostedProvider,
  isProviderName,
  needsBaseUrl,
  PROVIDER_TABLE,
} from "../../engine/providers/providerTable";
import { useStudio } from "../../store/studioStore";
import { Field } from "./Field";
import {
  formatOptional,
  type Parsed,
  parseBaseUrl,
  parseMaxTokens,
  parseTemperature,
} from "./fieldParsers";
import { keyDestinationNote } from "./keyDestinationNote";
import { ModelField } from "./ModelField";
import { fieldProblems, type NodeProblems } from "./nodeProblems";
import { TemplateField } from "./TemplateField";
import { useDraft } from "./useDraft";

interface LlmSettingsProps {
  node: LlmNode;
  references: readonly string[];
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

export function LlmSettings({ node, references, problems, update }: LlmSettingsProps) {
  const { config } = node;
  const provider = config.provider;
  const known = isProviderName(provider);
  const modelRef = useModelFocus(node);
  // Chosen here just now: its models are listed at once (otherwise on the Model field's focus).
  const [switched, setSwitched] = useState(false);
  const chooseProvider = (next: string) => {
    setSwitched(true);
    // A model name belongs to its provider: the new one starts on its default.
    update({
      provider: next,
      ...(isProviderName(next) && { model: PROVIDER_TABLE[next].defaultModel }),
    });
  };

  return (
    <>
      <Field label="Provider" problems={fieldProblems(problems, "provider")}>
        {(control) => (
          <select {...control} value={provider} onChange={(e) => chooseProvider(e.target.value)}>
            {/* A flow file may name a provider this build does not know: show it, do not hide it. */}
            {!known && <option value={provider}>{String(provider)} (unknown)</option>}
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_TABLE[p].menuLabel}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ModelField
        // A new provider: a new list, and no half-typed name from the old one.
        key={provider}
        provider={provider}
        nodeBaseUrl={config.baseUrl}
        value={config.model}
        commit={(model) => update({ model })}
        inputRef={modelRef}
        problems={fieldProblems(problems, "model")}
        listNow={switched}
      />
      {provider !== "echo" && known && (
        <>
          <BaseUrlField
            // A new provider may change what is valid (empty is fine for all but one).
            key={provider}
            provider={provider}
            value={config.baseUrl}
            problems={problems}
            update={update}
          />
          <ApiKeyField provider={provider} nodeBaseUrl={config.baseUrl} />
        </>
      )}
      <TemplateField
        label="System prompt"
        value={config.systemPrompt}
        onCommit={(systemPrompt) => update({ systemPrompt })}
        references={null}
        problems={fieldProblems(problems, "systemPrompt")}
        placeholder="None"
      />
      <TemplateField
        label="Prompt"
        value={config.prompt}
        onCommit={(prompt) => update({ prompt })}
        references={references}
        problems={fieldProblems(problems, "prompt")}
        placeholder="Empty: the output of the single node connected to it"
      />
      <div className="inspector-row">
        <TextField
          label="Temperature"
          value={config.temperature}
          parse={parseTemperature}
          commit={(temperature) => update({ temperature })}
          placeholder="provider default"
          inputMode="decimal"
          problems={fieldProblems(problems, "temperature")}
        />
        <TextField
          label="Max tokens"
          value={config.maxTokens}
          parse={parseMaxTokens}
          commit={(maxTokens) => update({ maxTokens })}
          placeholder="default"
          inputMode="numeric"
          problems={fieldProblems(problems, "maxTokens")}
        />
      </div>
    </>
  );
}

/**
 * The Model field, focused when the chat asks for it (a model the provider does not have):
 * the store names the node and field, and the field says it has taken the focus.
 */
function useModelFocus(node: LlmNode): Ref<HTMLInputElement> {
  const ref = useRef<HTMLInputElement>(null);
  const asked = useStudio(
    (s) => s.fieldToFocus?.nodeId === node.id && s.fieldToFocus.field === "model",
  );
  const fieldFocused = useStudio((s) => s.fieldFocused);
  useEffect(() => {
    const input = ref.current;
    if (!asked || !input) return;
    input.scrollIntoView?.({ block: "center" });
    input.focus();
    input.select();
    fieldFocused();
  }, [asked, fieldFocused]);
  return ref;
}

interface TextFieldProps<T extends string | number | undefined> {
  label: string;
  value: T;
  parse: (text: string) => Parsed<T>;
  commit: (value: T) => void;
  placeholder?: string;
  inputMode?: "decimal" | "numeric";
  problems: readonly FlowProblem[];
}

function TextField<T extends string | number | undefined>({
  label,
  value,
  parse,
  commit,
  placeholder,
  inputMode,
  problems,
}: TextFieldProps<T>) {
  const draft = useDraft(value, formatOptional, parse, commit);
  return (
    <Field label={label} refusal={draft.error} problems={problems}>
      {(control) => (
        <input
          {...control}
          // Not type="number": it reports "" for text it cannot read, so a refusal could not
          // say what was typed, and the draft would be lost.
          type="text"
          inputMode={inputMode}
          placeholder={placeholder}
          value={draft.text}
          onChange={(e) => draft.change(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && draft.reset()}
        />
      )}
    </Field>
  );
}

interface BaseUrlFieldProps {
  provider: ProviderName;
  value: string | undefined;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

function BaseUrlField({ provider, value, problems, update }: BaseUrlFieldProps) {
  const example = PROVIDER_TABLE[provider].baseUrlExample;
  return (
    <TextField
      label="Base URL"
      value={value}
      parse={(text) => parseBaseUrl(provider, text)}
      commit={(baseUrl) => update({ baseUrl })}
      placeholder={needsBaseUrl(provider) && example ? example : "provider default"}
      problems={fieldProblems(problems, "baseUrl")}
    />
  );
}

function ApiKeyField({
  provider,
  nodeBaseUrl,
}: {
  provider: HostedProvider;
  nodeBaseUrl: string | undefined;
}) {
  const credential = useStudio((s) => s.credentials[provider]);
  const apiKey = credential?.apiKey ?? "";
  const setApiKey = useStudio((s) => s.setApiKey);
  const openSettings = useStudio((s) => s.openSettings);
  const locked = useStudio((s) => s.keysLocked);
  const note = keyDestinationNote(provider, nodeBaseUrl, credential);
  return (
    <Field
      label="API key"
      help={
        <>
          {note.text}
          {note.kept && (
            <>
              {" "}
              <button type="button" className="secondary" onClick={() => openSettings(provider)}>
                Open Settings
              </button>
            </>
          )}
        </>
      }
    >
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            locked
              ? "Locked: unlock the keys in Settings"
              : PROVIDER_TABLE[provider].keyHeader?.required
                ? undefined
                : "Often not needed"
          }
          disabled={locked}
          value={apiKey}
          onChange={(e) => void setApiKey(provider, e.target.value)}
        />
      )}
    </Field>
  );
}
