import { useEffect, useState } from "react";
import type { LlmCallRecord } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { type CallMessages, loadCallMessages } from "./callMessages";

export type CallMessagesState =
  | { status: "loading" }
  | { status: "ready"; call: CallMessages }
  | { status: "failed"; message: string }
  /** No call to read: the node did not run an LLM call in this run. */
  | { status: "none" };

const LOADING: CallMessagesState = { status: "loading" };
const NONE: CallMessagesState = { status: "none" };

/** An answer remembers its question, so a newer call never shows an older call's messages. */
type Loaded = { llm: LlmCallRecord | undefined; dropped: boolean; state: CallMessagesState };

/**
 * The messages of one recorded call, read from storage when the call is shown (not when the
 * run is opened): a run with many calls reads only what the user looks at.
 */
export function useCallMessages(
  llm: LlmCallRecord | undefined,
  dropped: boolean,
): CallMessagesState {
  const storage = useStudio((s) => s.storage);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!storage || !llm) return;
    let current = true;
    loadCallMessages(storage, llm, { dropped }).then(
      (call) => current && setLoaded({ llm, dropped, state: { status: "ready", call } }),
      (error: unknown) =>
        current &&
        setLoaded({
          llm,
          dropped,
          state: {
            status: "failed",
            message: `Could not read this call's messages: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [storage, llm, dropped]);

  if (!llm) return NONE;
  if (!storage) return { status: "failed", message: "Storage is not open yet." };
  return loaded?.llm === llm && loaded.dropped === dropped ? loaded.state : LOADING;
}
