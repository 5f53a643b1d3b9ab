import { useId, useState } from "react";
import type { LlmNode, ProviderName } from "../../engine/flow";
import { PROVIDERS } from "../../engine/flow";
import { useStudio } from "../../store/studioStore";
import { parseWindowSize } from "./memoryLabels";

const PROVIDER_LABELS: Record<ProviderName, string> = {
  echo: "Echo (offline, no key)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "openai-compatible": "OpenAI-compatible (Ollama, LM Studio, vLLM…)",
};

export function LlmSettings({ node }: { node: LlmNode }) {
  const updateLlm = useStudio((s) => s.updateLlm);
  const apiKey = useStudio((s) => s.credentials[node.config.provider]?.apiKey ?? "");
  const setApiKey = useStudio((s) => s.setApiKey);
  const { config } = node;
  const id = useId();
  const [windowDraft, setWindowDraft] = useState(config.memoryWindowSize?.toString() ?? "");
  const windowParse = parseWindowSize(windowDraft);
  const update = (patch: Parameters<typeof updateLlm>[1]) => void updateLlm(node.id, patch);
  const memoryOn = typeof config.memoryId === "string" && config.memoryId !== "";

  return (
    <div className="settings">
      <label htmlFor={`${id}-provider`}>Provider</label>
      <select
        id={`${id}-provider`}
        value={config.provider}
        onChange={(e) => update({ provider: e.target.value as ProviderName })}
      >
        {PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-model`}>Model</label>
      <input
        id={`${id}-model`}
        value={config.model}
        onChange={(e) => update({ model: e.target.value })}
      />

      {config.provider !== "echo" && (
        <>
          <label htmlFor={`${id}-base`}>Base URL</label>
          <input
            id={`${id}-base`}
            value={config.baseUrl ?? ""}
            placeholder={
              config.provider === "openai-compatible"
                ? "http://localhost:11434/v1"
                : "provider default"
            }
            onChange={(e) => update({ baseUrl: e.target.value })}
          />
          <label htmlFor={`${id}-key`}>API key</label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            value={apiKey}
            aria-describedby={`${id}-key-help`}
            onChange={(e) => void setApiKey(config.provider, e.target.value)}
          />
          <p id={`${id}-key-help`} className="help">
            Stays in this browser and goes only to {PROVIDER_LABELS[config.provider]}; never in an
            exported file.
          </p>
        </>
      )}

      <label className="check">
        <input
          type="checkbox"
          checked={memoryOn}
          onChange={(e) => update({ memoryId: e.target.checked ? node.id : null })}
        />
        Memory
      </label>
      {memoryOn && (
        <>
          <label htmlFor={`${id}-memory`}>Memory ID</label>
          <input
            id={`${id}-memory`}
            value={config.memoryId ?? ""}
            onChange={(e) => update({ memoryId: e.target.value })}
          />
          <label htmlFor={`${id}-window`}>Memory window size</label>
          <input
            id={`${id}-window`}
            inputMode="numeric"
            value={windowDraft}
            placeholder="all"
            aria-invalid={"error" in windowParse}
            aria-describedby={`${id}-window-help`}
            onChange={(e) => {
              setWindowDraft(e.target.value);
              const parsed = parseWindowSize(e.target.value);
              if ("value" in parsed) update({ memoryWindowSize: parsed.value });
            }}
          />
          <p id={`${id}-window-help`} className={"error" in windowParse ? "help invalid" : "help"}>
            {"error" in windowParse
              ? windowParse.error
              : "Empty: all messages. 0: no history. N: the last N messages before the prompt."}
          </p>
        </>
      )}
    </div>
  );
}
