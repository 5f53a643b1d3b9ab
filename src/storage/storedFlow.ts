import type { FlowRecord } from "./dbSchema";

/**
 * A flow of over this many nodes is stored as JSON text. IndexedDB copies values with the
 * structured clone algorithm, on the page's thread, in one go: for a 50,000-node flow that took
 * about half a second each way (and a save also reads the old record), against a tenth of that
 * for JSON.parse and no work at all for IndexedDB to copy one string.
 */
export const FLOW_TEXT_ABOVE_NODES = 1000;

/** A flows-store record as IndexedDB holds it: the flow as an object, or as text with its name. */
export type StoredFlowRecord = Omit<FlowRecord, "flow"> &
  (
    | { flow: FlowRecord["flow"]; flowText?: undefined }
    | { flow?: undefined; flowText: string; name: string }
  );

export const storedAsText = (flow: FlowRecord["flow"]): boolean =>
  flow.nodes.length > FLOW_TEXT_ABOVE_NODES;

/** `flowText`: the flow's text written beforehand (flowText.ts), instead of in this call. */
export function toStored(record: FlowRecord, flowText?: string): StoredFlowRecord {
  if (!storedAsText(record.flow)) return record;
  const { flow, ...rest } = record;
  return { ...rest, name: flow.name, flowText: flowText ?? JSON.stringify(flow) };
}

export function fromStored(stored: StoredFlowRecord): FlowRecord {
  if (stored.flowText === undefined) return stored;
  const { flowText, name: _name, ...rest } = stored;
  try {
    return { ...rest, flow: JSON.parse(flowText) as FlowRecord["flow"] };
  } catch {
    // Text this build cannot parse: handed on without a flow, as an unreadable object record
    // is, so opening it says "cannot be read" and offers a new flow instead of stopping the app.
    return { ...rest, flow: null as unknown as FlowRecord["flow"] };
  }
}

/** The flow's name without reading the flow. */
export const storedName = (stored: StoredFlowRecord): string =>
  // A record this build cannot read still gets a row (to delete it), not a crash.
  (stored.flowText === undefined ? stored.flow?.name : stored.name) ?? "Unreadable flow";
