import { useId, useState } from "react";
import {
  type HostedProvider,
  needsBaseUrl,
  PROVIDER_TABLE,
} from "../../engine/providers/providerTable";
import { useStudio } from "../../store/studioStore";
import { ApprovedOrigins } from "./ApprovedOrigins";
import { ConnectionTest } from "./ConnectionTest";
import { baseUrlProblem } from "./settingsProviders";

interface ProviderSectionProps {
  provider: HostedProvider;
  /** Settings focuses this field when it is opened for this provider. */
  keyFieldRef: (element: HTMLInputElement | null) => void;
}

const SAVE_FAILED =
  "Could not save this in the browser's storage: it works until the page is reloaded.";

/** One provider's API key and base URL, saved as typed, and a button to try them. */
export function ProviderSection({ provider, keyFieldRef }: ProviderSectionProps) {
  const id = useId();
  const info = PROVIDER_TABLE[provider];
  const { title } = info;
  // The address shown in the empty field: the provider's own, or an example to follow.
  const placeholder = info.defaultBaseUrl ?? info.baseUrlExample ?? "";
  const stored = useStudio((s) => s.credentials[provider]);
  const setCredential = useStudio((s) => s.setCredential);
  const locked = useStudio((s) => s.keysLocked);
  // A half-typed address is kept here, and saved once it is one (or emptied).
  const [baseUrl, setBaseUrl] = useState(stored?.baseUrl ?? "");
  const [saveError, setSaveError] = useState<string | null>(null);
  const problem = baseUrlProblem(baseUrl);
  const required = needsBaseUrl(provider);

  const save = (patch: { apiKey?: string; baseUrl?: string }) => {
    setSaveError(null);
    setCredential(provider, patch).catch(() => setSaveError(SAVE_FAILED));
  };
  const changeBaseUrl = (text: string) => {
    setBaseUrl(text);
    if (!baseUrlProblem(text)) save({ baseUrl: text });
  };

  return (
    <section className="settings-section settings-provider" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>

      <div className="settings-field">
        <label htmlFor={`${id}-key`}>API key</label>
        <input
          ref={keyFieldRef}
          id={`${id}-key`}
          // The visible label is shared by every section; the name says whose key it is.
          aria-label={`${title} API key`}
          aria-describedby={`${id}-key-note`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            locked
              ? "Locked: unlock the keys above"
              : info.keyHeader.required
                ? undefined
                : "Often not needed"
          }
          disabled={locked}
          value={stored?.apiKey ?? ""}
          onChange={(e) => save({ apiKey: e.target.value })}
        />
        <p id={`${id}-key-note`} className="settings-key-note">
          Stays in this browser. Sent only to {info.keyRecipient} at the addresses below, even when
          a flow points elsewhere. Never written to an exported file, a URL or the console.
        </p>
        {info.docsUrl && (
          <p className="help">
            <a href={info.docsUrl} target="_blank" rel="noreferrer">
              Get an API key from {title}
            </a>
          </p>
        )}
      </div>

      <div className="settings-field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input
          id={`${id}-url`}
          aria-label={`${title} base URL`}
          aria-describedby={`${problem ? `${id}-url-problem ` : ""}${id}-url-help`}
          aria-invalid={problem ? true : undefined}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={baseUrl}
          onChange={(e) => changeBaseUrl(e.target.value)}
        />
        {problem && (
          <p id={`${id}-url-problem`} className="settings-problem">
            {problem}
          </p>
        )}
        <p id={`${id}-url-help`} className="help">
          {required
            ? `Required: your server's address, e.g. ${placeholder} for Ollama, http://localhost:1234/v1 for LM Studio.`
            : `Leave empty for ${placeholder}; change it only for a proxy or gateway.`}{" "}
          A base URL set on a node takes precedence, but the key goes there only if you approve that
          server below.
        </p>
        {required && (
          <p className="help">
            Ollama answers only the pages it allows. Start it with{" "}
            <code>OLLAMA_ORIGINS={window.location.origin} ollama serve</code>
          </p>
        )}
      </div>

      <ApprovedOrigins provider={provider} />

      {saveError && (
        <p className="settings-problem" role="alert">
          {saveError}
        </p>
      )}

      <ConnectionTest
        provider={provider}
        title={title}
        credential={stored}
        baseUrl={problem ? null : baseUrl.trim() || undefined}
      />
    </section>
  );
}
