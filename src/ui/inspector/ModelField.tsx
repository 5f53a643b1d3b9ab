import { type Ref, useEffect, useId, useRef, useState } from "react";
import type { ProviderName } from "../../engine/flow";
import type { FlowProblem } from "../../engine/flowProblem";
import { callBaseUrl } from "../../engine/providers/keyBinding";
import {
  type HostedProvider,
  isProviderName,
  PROVIDER_TABLE,
} from "../../engine/providers/providerTable";
import { originOf } from "../../engine/url";
import { useStudio } from "../../store/studioStore";
import { Field } from "./Field";
import { formatOptional, parseModel } from "./fieldParsers";
import { type ModelLists, sessionModelLists } from "./modelLists";
import { useDraft } from "./useDraft";

interface ModelFieldProps {
  provider: ProviderName;
  nodeBaseUrl: string | undefined;
  value: string;
  commit(model: string): void;
  inputRef: Ref<HTMLInputElement>;
  problems: readonly FlowProblem[];
  /** The provider was just chosen: list its models now, not on the field's first focus. */
  listNow: boolean;
  /** Tests give their own; the page's session cache by default. */
  lists?: ModelLists;
}

/**
 * The Model field: a combobox (a text box with the provider's models as suggestions). Any
 * name can be typed; the list comes from the provider where it has one, fetched when the
 * field is first focused (or the provider just chosen) and kept for the session. When it
 * cannot be fetched, one line says why and the box works as before.
 */
export function ModelField({
  provider,
  nodeBaseUrl,
  value,
  commit,
  inputRef,
  problems,
  listNow,
  lists = sessionModelLists,
}: ModelFieldProps) {
  const listId = useId();
  const draft = useDraft(value, formatOptional, parseModel, commit);
  const known = isProviderName(provider);
  const hosted = known && provider !== "echo" ? provider : null;
  const list = useModelList(hosted, nodeBaseUrl, lists);
  const { load } = list;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the field appears
  useEffect(() => {
    if (listNow) load();
  }, []);
  const models = provider === "echo" ? ["echo"] : list.models;

  return (
    <Field
      label="Model"
      refusal={draft.error}
      problems={problems}
      help={hosted ? <ModelListStatus provider={hosted} list={list} value={value} /> : undefined}
    >
      {(control) => (
        <>
          <input
            {...control}
            ref={inputRef}
            type="text"
            // Always a combobox, its suggestions arriving when the list does.
            list={listId}
            autoComplete="off"
            spellCheck={false}
            placeholder={known ? PROVIDER_TABLE[provider].modelPlaceholder : undefined}
            value={draft.text}
            onFocus={load}
            onChange={(e) => draft.change(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && draft.reset()}
          />
          <datalist id={listId}>
            {models.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

type ListState =
  | { status: "idle" | "loading" }
  | { status: "ready"; models: readonly string[] }
  | { status: "failed"; message: string };

interface ModelList {
  state: ListState;
  models: readonly string[];
  /** Where the list comes from, for the status line ("api.openai.com"). */
  host: string | undefined;
  /** Fetches the list unless it is there or on its way; again after a failure. */
  load(): void;
}

const NO_MODELS: readonly string[] = [];

function useModelList(
  provider: HostedProvider | null,
  nodeBaseUrl: string | undefined,
  lists: ModelLists,
): ModelList {
  const credential = useStudio((s) => (provider ? s.credentials[provider] : undefined));
  const locked = useStudio((s) => s.keysLocked);
  const request = provider ? { provider, nodeBaseUrl, credential } : null;
  // A failure is about this address and this key (and its approvals): a key typed or a server
  // approved since starts over, offering List models again.
  const key = request
    ? `${lists.keyOf(request)} ${credential?.apiKey ? "key" : "no key"} ${credential?.approvedOrigins?.join(" ") ?? ""}`
    : "";
  const cached = request ? lists.cached(request) : undefined;
  // The outcome of the last fetch, for the provider and address it was for.
  const [outcome, setOutcome] = useState<{ key: string; state: ListState } | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const state: ListState = cached
    ? { status: "ready", models: cached }
    : outcome?.key === key
      ? outcome.state
      : { status: "idle" };
  const busy = state.status === "loading" || state.status === "ready";

  const load = () => {
    if (!request || busy) return;
    if (locked && PROVIDER_TABLE[request.provider].keyHeader.required) {
      setOutcome({
        key,
        state: {
          status: "failed",
          message: "Your saved keys are locked: unlock them in Settings.",
        },
      });
      return;
    }
    setOutcome({ key, state: { status: "loading" } });
    void lists.load({ ...request, pageOrigin: window.location.origin }).then((result) => {
      if (!mounted.current) return;
      setOutcome({
        key,
        state: result.ok
          ? { status: "ready", models: result.models }
          : { status: "failed", message: result.message },
      });
    });
  };

  const base = provider ? callBaseUrl(provider, nodeBaseUrl, credential) : undefined;
  return {
    state,
    models: state.status === "ready" ? state.models : NO_MODELS,
    host: originOf(base)?.replace(/^https?:\/\//, ""),
    load,
  };
}

function ModelListStatus({
  provider,
  list,
  value,
}: {
  provider: HostedProvider;
  list: ModelList;
  value: string;
}) {
  const { title } = PROVIDER_TABLE[provider];
  const { state, host } = list;
  const from = host ? `${title} (${host})` : title;
  return (
    // Read out as it changes: the list arriving, or why it did not.
    <span aria-live="polite">
      {state.status === "idle" && (
        <>
          Type a model name, or pick one from {title}'s list.{" "}
          <button type="button" className="secondary inspector-inline-button" onClick={list.load}>
            List models
          </button>
        </>
      )}
      {state.status === "loading" && <>Listing the models of {from}…</>}
      {state.status === "ready" &&
        (state.models.length === 0
          ? `${from} lists no models: type a name.`
          : `${state.models.length} model${state.models.length === 1 ? "" : "s"} from ${from}: pick one or type a name.${
              value && !state.models.includes(value) ? ` ${value} is not among them.` : ""
            }`)}
      {state.status === "failed" && (
        <>
          No model list: {state.message} You can still type a name.{" "}
          <button type="button" className="secondary inspector-inline-button" onClick={list.load}>
            Try again
          </button>
        </>
      )}
    </span>
  );
}
