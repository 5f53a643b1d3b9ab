import type { Flow, FlowEdge, FlowNode, StickyNote } from "../engine/flow";
import { FLOW_SCHEMA, FLOW_VERSION } from "../engine/flow";
import { canonicalRecords, ordered } from "./canonicalJson";
import { runMapKeysAreNames } from "./secrets";

/*
 * Writes a flow as a file of the current version (FLOW_VERSION): the same flow always gives the same bytes, so files
 * diff cleanly and a round trip is stable. Key order (docs/flow-format.md):
 *   file:     schema, version, name, nodes, edges, memories, notes, then unknown keys sorted, then conversations
 *   node:     id, type, position (x, y, …), config, then unknown keys sorted
 *   config:   CONFIG_KEY_ORDER for the node's type, then unknown keys sorted
 *   edge:     source, target, then unknown keys sorted
 *   note:     id, text, position (x, y, …), width, height, color, then unknown keys sorted
 * Nested unknown objects have their keys sorted too. A key that names a secret (apiKey,
 * token, password…: see secrets.ts) is never written, at any depth.
 */

/** The order of known config keys; documented in docs/flow-format.md. */
export const CONFIG_KEY_ORDER = {
  input: [],
  llm: [
    "provider",
    "model",
    "baseUrl",
    "systemPrompt",
    "prompt",
    "temperature",
    "maxTokens",
    "memoryId",
    "memoryWindowSize",
    "memoryWindowTokens",
    "memoryMode",
    "memorySummary",
  ],
  template: ["template"],
  output: ["value"],
} as const satisfies Record<FlowNode["type"], readonly string[]>;

export interface WriteFlowFileOptions {
  /**
   * Written as the file's `conversations` section; left out, the default, when undefined.
   * Its shape is loose on purpose: the app decides what to put in (conversation records,
   * runs, memory messages); the format only promises to carry it, secrets removed, and to
   * keep it out of the flow.
   */
  conversations?: unknown;
}

/** The flow as a current-version file's JSON object, in the file's key order, without secrets. */
export function flowFileJson(flow: Flow): ReturnType<typeof ordered> {
  // A flow never carries conversations itself; only the caller's explicit section is written.
  const { conversations: _ignored, ...body } = flow;
  return ordered({ ...body, schema: FLOW_SCHEMA, version: FLOW_VERSION }, [
    "schema",
    "version",
    "name",
    ["nodes", nodesJson],
    ["edges", edgesJson],
    "memories",
    ["notes", notesJson],
  ]);
}

export function writeFlowFile(flow: Flow, options: WriteFlowFileOptions = {}): string {
  const file = {
    ...flowFileJson(flow),
    ...(options.conversations !== undefined && {
      // A run's memory heads are keyed by memory id: a memory called "token" keeps its name.
      conversations: canonicalRecords(options.conversations, runMapKeysAreNames) ?? null,
    }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A piece of a flow for the clipboard, in the same canonical form (with schema and version);
 * `notes` only when some were copied.
 */
export function writeFlowFragment(fragment: {
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes?: StickyNote[];
}): string {
  const file = ordered(
    {
      schema: FLOW_SCHEMA,
      version: FLOW_VERSION,
      nodes: fragment.nodes,
      edges: fragment.edges,
      ...(fragment.notes && fragment.notes.length > 0 && { notes: fragment.notes }),
    },
    ["schema", "version", ["nodes", nodesJson], ["edges", edgesJson], ["notes", notesJson]],
  );
  return `${JSON.stringify(file, null, 2)}\n`;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

const nodesJson = (nodes: unknown) =>
  asList(nodes).map((node) => {
    const n = asRecord(node);
    const configKeys: readonly string[] =
      typeof n.type === "string" && Object.hasOwn(CONFIG_KEY_ORDER, n.type)
        ? CONFIG_KEY_ORDER[n.type as FlowNode["type"]]
        : [];
    return ordered(n, [
      "id",
      "type",
      ["position", (p) => ordered(asRecord(p), ["x", "y"])],
      ["config", (c) => (c === undefined ? undefined : ordered(asRecord(c), configKeys))],
    ]);
  });

const notesJson = (notes: unknown) =>
  notes === undefined
    ? undefined
    : asList(notes).map((note) =>
        ordered(asRecord(note), [
          "id",
          "text",
          ["position", (p) => ordered(asRecord(p), ["x", "y"])],
          "width",
          "height",
          "color",
        ]),
      );

const edgesJson = (edges: unknown) =>
  asList(edges).map((edge) => ordered(asRecord(edge), ["source", "target"]));
