import { type FormEvent, useId, useState } from "react";
import { MEMORY_MODES, PROVIDERS, type ProviderName } from "../../../engine/flow";
import { PROVIDER_TABLE } from "../../../engine/providers/providerTable";
import type { ReplaySettings } from "../../../engine/replayCall";
import { parseTokenBudget, parseWindowSize } from "../../memory/memoryLabels";

interface ReplayFormProps {
  /** The recorded call's settings: where the form starts, and what Reset goes back to. */
  recorded: ReplaySettings;
  /** The call read a memory: the window, budget and mode can change. */
  hasMemory: boolean;
  memoryId: string | null;
  running: boolean;
  onReplay(settings: ReplaySettings): void;
  onStop(): void;
}

/** The form as typed: text fields stay text until Replay parses them. */
interface Draft {
  provider: ProviderName;
  model: string;
  baseUrl: string;
  systemPrompt: string;
  window: string;
  budget: string;
  mode: ReplaySettings["mode"];
  summary: ReplaySettings["summary"]["kind"];
  summaryProvider: ProviderName;
  summaryModel: string;
  summaryPrompt: string;
}

const SUMMARY_CHOICES: { value: Draft["summary"]; label: string }[] = [
  { value: "recorded", label: "as recorded" },
  { value: "off", label: "off" },
  { value: "summarizer", label: "another summarizer" },
];

const draftOf = (s: ReplaySettings): Draft => {
  const summarizer = s.summary.kind === "summarizer" ? s.summary.summarizer : null;
  return {
    provider: s.provider,
    model: s.model,
    baseUrl: s.baseUrl,
    systemPrompt: s.systemPrompt,
    window: s.windowSize === null ? "" : String(s.windowSize),
    budget: s.windowTokens === null ? "" : String(s.windowTokens),
    mode: s.mode,
    summary: s.summary.kind,
    summaryProvider: summarizer?.provider ?? s.provider,
    summaryModel: summarizer?.model ?? s.model,
    summaryPrompt: summarizer?.prompt ?? "",
  };
};

/** The summary setting the draft asks for; the blank prompt is the default one. */
function summaryOf(draft: Draft): ReplaySettings["summary"] {
  if (draft.summary !== "summarizer") return { kind: draft.summary };
  const prompt = draft.summaryPrompt.trim() === "" ? undefined : draft.summaryPrompt;
  return {
    kind: "summarizer",
    summarizer: {
      provider: draft.summaryProvider,
      model: draft.summaryModel.trim(),
      ...(prompt !== undefined && { prompt }),
    },
  };
}

/**
 * What a replay may change: window, token budget, mode, summary, provider, model, address and
 * system prompt. The prompt is the recorded one.
 */
export function ReplayForm({
  recorded,
  hasMemory,
  memoryId,
  running,
  onReplay,
  onStop,
}: ReplayFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(recorded));
  const [tried, setTried] = useState(false);
  const id = useId();
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const size = parseWindowSize(draft.window);
  const budget = parseTokenBudget(draft.budget);
  const modelError = draft.model.trim() === "" ? "Name a model." : null;
  const windowError = "error" in size ? size.error : null;
  const budgetError = "error" in budget ? budget.error : null;
  const summaryModelError =
    hasMemory && draft.summary === "summarizer" && draft.summaryModel.trim() === ""
      ? "Name the summarizer's model."
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (modelError || summaryModelError || "error" in size || "error" in budget) return;
    onReplay({
      provider: draft.provider,
      model: draft.model.trim(),
      baseUrl: draft.provider === "echo" ? "" : draft.baseUrl.trim(),
      systemPrompt: draft.systemPrompt,
      windowSize: size.value,
      windowTokens: budget.value,
      mode: draft.mode,
      summary: summaryOf(draft),
    });
  };
  const error = (text: string | null, suffix: string) =>
    tried && text ? (
      <p className="replay-field-error" id={`${id}-${suffix}-error`}>
        {text}
      </p>
    ) : null;
  const described = (text: string | null, suffix: string) =>
    tried && text ? { "aria-invalid": true, "aria-describedby": `${id}-${suffix}-error` } : {};

  return (
    <form className="replay-form" onSubmit={submit} noValidate>
      <fieldset className="replay-fields" disabled={!hasMemory}>
        <legend>Memory{memoryId ? ` ${memoryId}` : ""}</legend>
        {!hasMemory && (
          <p className="run-help">This call read no memory: there is no window to change.</p>
        )}
        <div className="replay-field">
          <label htmlFor={`${id}-window`}>Window (messages)</label>
          <input
            id={`${id}-window`}
            inputMode="numeric"
            placeholder="all"
            value={draft.window}
            onChange={(e) => edit({ window: e.target.value })}
            {...described(windowError, "window")}
          />
          {error(windowError, "window")}
        </div>
        <div className="replay-field">
          <label htmlFor={`${id}-budget`}>Token budget</label>
          <input
            id={`${id}-budget`}
            inputMode="numeric"
            placeholder="none"
            value={draft.budget}
            onChange={(e) => edit({ budget: e.target.value })}
            {...described(budgetError, "budget")}
          />
          {error(budgetError, "budget")}
        </div>
        <div className="replay-field">
          <label htmlFor={`${id}-mode`}>Mode</label>
          <select
            id={`${id}-mode`}
            value={draft.mode}
            onChange={(e) => edit({ mode: e.target.value as Draft["mode"] })}
          >
            {MEMORY_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="replay-fields" disabled={!hasMemory}>
        <legend>Summary</legend>
        <div className="replay-field">
          <label htmlFor={`${id}-summary`}>Summary</label>
          <select
            id={`${id}-summary`}
            value={draft.summary}
            onChange={(e) => edit({ summary: e.target.value as Draft["summary"] })}
          >
            {SUMMARY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {draft.summary === "summarizer" && (
          <>
            <div className="replay-field">
              <label htmlFor={`${id}-summary-provider`}>Summarizer provider</label>
              <select
                id={`${id}-summary-provider`}
                value={draft.summaryProvider}
                onChange={(e) => {
                  const provider = e.target.value as ProviderName;
                  edit({
                    summaryProvider: provider,
                    summaryModel: PROVIDER_TABLE[provider].defaultModel,
                  });
                }}
              >
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {PROVIDER_TABLE[p].title}
                  </option>
                ))}
              </select>
            </div>
            <div className="replay-field">
              <label htmlFor={`${id}-summary-model`}>Summarizer model</label>
              <input
                id={`${id}-summary-model`}
                value={draft.summaryModel}
                onChange={(e) => edit({ summaryModel: e.target.value })}
                {...described(summaryModelError, "summary-model")}
              />
              {error(summaryModelError, "summary-model")}
            </div>
            <div className="replay-field replay-field-wide">
              <label htmlFor={`${id}-summary-prompt`}>Summary prompt</label>
              <textarea
                id={`${id}-summary-prompt`}
                rows={2}
                placeholder="the default summary prompt"
                value={draft.summaryPrompt}
                onChange={(e) => edit({ summaryPrompt: e.target.value })}
              />
            </div>
            <p className="run-help">
              Summarizes what this replay's window leaves out, from no earlier summary; the summary
              is not stored.
            </p>
          </>
        )}
      </fieldset>
      <fieldset className="replay-fields">
        <legend>Model</legend>
        <div className="replay-field">
          <label htmlFor={`${id}-provider`}>Provider</label>
          <select
            id={`${id}-provider`}
            value={draft.provider}
            onChange={(e) => {
              const provider = e.target.value as ProviderName;
              edit({ provider, model: PROVIDER_TABLE[provider].defaultModel });
            }}
          >
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_TABLE[p].title}
              </option>
            ))}
          </select>
        </div>
        <div className="replay-field">
          <label htmlFor={`${id}-model`}>Model</label>
          <input
            id={`${id}-model`}
            value={draft.model}
            onChange={(e) => edit({ model: e.target.value })}
            {...described(modelError, "model")}
          />
          {error(modelError, "model")}
        </div>
        {draft.provider !== "echo" && (
          <div className="replay-field replay-field-wide">
            <label htmlFor={`${id}-base`}>Base URL</label>
            <input
              id={`${id}-base`}
              type="url"
              placeholder="from Settings"
              value={draft.baseUrl}
              onChange={(e) => edit({ baseUrl: e.target.value })}
            />
          </div>
        )}
      </fieldset>
      <div className="replay-field replay-field-wide">
        <label htmlFor={`${id}-system`}>System prompt</label>
        <textarea
          id={`${id}-system`}
          rows={2}
          placeholder="none"
          value={draft.systemPrompt}
          onChange={(e) => edit({ systemPrompt: e.target.value })}
        />
      </div>
      <div className="replay-actions">
        {running ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="submit">Replay</button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(draftOf(recorded));
            setTried(false);
          }}
        >
          Reset to the call's settings
        </button>
      </div>
    </form>
  );
}
