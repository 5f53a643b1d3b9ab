import { useEffect, useRef, useState } from "react";
import type { ProviderCredential } from "../../engine/provider";
import {
  type ListableProvider,
  type ListModelsResult,
  listModels,
} from "../../engine/providers/listModels";

interface ConnectionTestProps {
  provider: ListableProvider;
  title: string;
  /** The saved key and approvals (the key goes only where it is bound). */
  credential: ProviderCredential | undefined;
  /** undefined: the provider's default; null: the typed address is unusable. */
  baseUrl: string | null | undefined;
}

type Outcome = { status: "idle" } | { status: "testing" } | ListModelsResult;

/** "Test connection": lists the provider's models with the key and base URL as typed. */
export function ConnectionTest({ provider, title, credential, baseUrl }: ConnectionTestProps) {
  const apiKey = credential?.apiKey;
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const running = useRef<AbortController | null>(null);

  // An answer about another key or address would mislead: forget it when they change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key and address are the triggers
  useEffect(() => {
    running.current?.abort();
    setOutcome({ status: "idle" });
  }, [apiKey, baseUrl]);
  useEffect(() => () => running.current?.abort(), []);

  const test = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setOutcome({ status: "testing" });
    const result = await listModels({
      provider,
      // The address typed here is this key's own: Settings is where the user binds it.
      credential: { ...withoutBaseUrl(credential), ...(baseUrl && { baseUrl }) },
      ...(baseUrl && { baseUrl }),
      pageOrigin: window.location.origin,
      signal: controller.signal,
    });
    if (!controller.signal.aborted) setOutcome(result);
  };

  const testing = "status" in outcome && outcome.status === "testing";
  const models = "ok" in outcome && outcome.ok ? outcome.models : null;
  return (
    <div className="settings-test">
      <button
        type="button"
        className="secondary"
        aria-label={`Test connection to ${title}`}
        disabled={baseUrl === null || testing}
        onClick={() => void test()}
      >
        Test connection
      </button>
      {/* Always present, so screen readers announce what appears in it. */}
      <div className="settings-test-outcome" aria-live="polite">
        {testing && <p className="note">Testing…</p>}
        {"ok" in outcome && !outcome.ok && <p className="settings-problem">{outcome.message}</p>}
        {models && (
          <p className="settings-ok">
            {models.length === 0
              ? "Connected, but no models are listed. With Ollama, pull one first (ollama pull llama3.2)."
              : `Connected: ${models.length} model${models.length === 1 ? "" : "s"}.`}
          </p>
        )}
      </div>
      {models && models.length > 0 && (
        <ul className="settings-models" aria-label={`Models from ${title}`}>
          {models.map((model) => (
            <li key={model}>
              <code>{model}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function withoutBaseUrl(credential: ProviderCredential | undefined): ProviderCredential {
  const { baseUrl: _typedInstead, ...rest } = credential ?? {};
  return rest;
}
