import {
  exportTimbalAgent,
  exportTimbalPython,
  flowFileName,
  timbalAgentFileName,
  timbalPythonFileName,
  writeFlowFile,
} from "../../format";
import { useFlowStore } from "../../store/flowStore";
import type { StoreReads } from "../../store/studioStore";
import { downloadText } from "../common/download";

/*
 * The Flows menu's exports, loaded on first use so the format module stays out of the first
 * page. Both export the flow as it is in the editor, unsaved edits included. API keys live in
 * the credentials store, never in a flow, and writeFlowFile drops any secret-named key anyway.
 */

function openFlow() {
  const { flow, flowId } = useFlowStore.getState();
  if (!flow) throw new Error("No flow is open.");
  return { flow, flowId };
}

/**
 * Downloads `<name>.flow.json`; with `includeConversations`, its conversations and memories
 * too, read through the studio store's `conversationsForExport`.
 */
export async function exportOpenFlow(options: {
  includeConversations: boolean;
  conversationsForExport: StoreReads["conversationsForExport"];
}): Promise<void> {
  const { flow, flowId } = openFlow();
  let conversations: unknown;
  if (options.includeConversations && flowId) {
    conversations = await options.conversationsForExport(flowId);
  }
  const text = writeFlowFile(flow, conversations === undefined ? {} : { conversations });
  downloadText(flowFileName(flow), text, "application/json");
}

/** Downloads the flow as a Timbal Python module. */
export function exportOpenFlowAsPython(): void {
  const { flow } = openFlow();
  downloadText(timbalPythonFileName(flow), exportTimbalPython(flow), "text/x-python");
}

/**
 * Downloads the flow as a Timbal 1.x module (an Agent per LLM), or throws the reasons it cannot
 * be one: an export that behaved differently from the app would be worse than none.
 */
export function exportOpenFlowAsTimbalAgent(): void {
  const { flow } = openFlow();
  const result = exportTimbalAgent(flow);
  if (!result.ok) throw new Error(result.reasons.join(" "));
  downloadText(timbalAgentFileName(flow), result.source, "text/x-python");
}
