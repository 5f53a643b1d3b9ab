import type { LlmCallRecord } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";
import { type CallMessages, loadCallMessages } from "./callMessages";

export type CallMessagesState =
  | { status: "loading" }
  | { status: "ready"; call: CallMessages }
  | { status: "failed"; message: string }
  /** No call to read: the node did not run an LLM call in this run. */
  | { status: "none" };

const LOADING: CallMessagesState = { status: "loading" };
const NONE: CallMessagesState = { status: "none" };

/**
 * The messages of one recorded call, read from storage when the call is shown (not when the
 * run is opened): a run with many calls reads only what the user looks at.
 */
export function useCallMessages(
  llm: LlmCallRecord | undefined,
  dropped: boolean,
): CallMessagesState {
  const readBack = useStudio((s) => s.readBack);
  const readMessages = useStudio((s) => s.readMessages);
  const loadSummary = useStudio((s) => s.readSummary);
  const call = useStoreQuery(
    llm
      ? () =>
          loadCallMessages(
            { saver: { readBack, loadSummary }, messages: { resolve: readMessages } },
            llm,
            { dropped },
          )
      : null,
    [readBack, readMessages, loadSummary, llm, dropped],
  );
  if (call.status === "ready") return { status: "ready", call: call.data };
  if (call.status === "failed") {
    return {
      status: "failed",
      message: `Could not read this call's messages: ${errorText(call.error)}`,
    };
  }
  return call.status === "idle" ? NONE : LOADING;
}
