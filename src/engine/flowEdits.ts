import type { Flow, FlowEdge, FlowNode, NodeKind, Position } from "./flow";
import { ancestors, buildGraph } from "./graph";
import type { NodeId } from "./ids";
import { nodeId } from "./ids";
import { edgeProblem, NODE_KINDS } from "./nodeKinds";
import { INPUT_REFERENCE, NODE_ID_PATTERN, renameReference, replaceReferences } from "./template";

/**
 * Pure edits of a flow, as the editor makes them: each returns a new flow (the old one is
 * untouched, so undo can keep it) or says in words why the edit is refused.
 */
export type EditResult = { ok: true; flow: Flow } | { ok: false; reason: string };

/**
 * The first free id of the form base, base_2, base_3… (ids are the user-visible step ids).
 * "input" is the chat message's name: only the Input node (`forInput`) may take it.
 */
export function uniqueNodeId(
  flow: Pick<Flow, "nodes">,
  base: string,
  taken: ReadonlySet<string> = new Set(),
  forInput = false,
): NodeId {
  const used = new Set([...flow.nodes.map((n) => n.id as string), ...taken]);
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d)/, "_") || "node";
  if (!used.has(clean) && (clean !== INPUT_REFERENCE || forInput)) return nodeId(clean);
  const stem = clean.replace(/_\d+$/, "");
  for (let i = 2; ; i++) {
    const candidate = `${stem}_${i}`;
    if (!used.has(candidate)) return nodeId(candidate);
  }
}

/** A new node of `kind` with the settings a user expects to start from. */
export function newNode(flow: Pick<Flow, "nodes">, kind: NodeKind, position: Position): FlowNode {
  const base = { position: { x: Math.round(position.x), y: Math.round(position.y) } };
  switch (kind) {
    case "input":
      // The chat message has one name, {{input}}: its node is called input too.
      return { ...base, id: uniqueNodeId(flow, INPUT_REFERENCE, new Set(), true), type: "input" };
    case "llm":
      // No memory until the user switches it on, as in the seed's plain add_llm().
      return {
        ...base,
        id: uniqueNodeId(flow, "llm"),
        type: "llm",
        config: { provider: "echo", model: "echo" },
      };
    case "template":
      return {
        ...base,
        id: uniqueNodeId(flow, "template"),
        type: "template",
        config: { template: "" },
      };
    case "output":
      return { ...base, id: uniqueNodeId(flow, "output"), type: "output", config: {} };
  }
}

export function addNode(flow: Flow, node: FlowNode): Flow {
  return { ...flow, nodes: [...flow.nodes, node] };
}

/** Why a node of `kind` cannot be added, or null: a flow has one Input node, the chat message. */
export function addProblem(flow: Pick<Flow, "nodes">, kind: NodeKind): string | null {
  const input = flow.nodes.find((n) => n.type === "input");
  return kind === "input" && input
    ? `This flow already has its Input node, "${input.id}": the chat message has one node, {{input}}.`
    : null;
}

/** Connects source → target, or says why not: refused at once, not left for run time. */
export function connect(flow: Flow, source: NodeId, target: NodeId): EditResult {
  if (source === target) return { ok: false, reason: `A node cannot be connected to itself.` };
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const from = byId.get(source);
  const to = byId.get(target);
  if (!from || !to)
    return { ok: false, reason: "Both ends of a connection must be nodes of this flow." };
  const refused = edgeProblem(from, to);
  if (refused) return { ok: false, reason: refused };
  if (flow.edges.some((e) => e.source === source && e.target === target)) {
    return { ok: false, reason: `${source} is already connected to ${target}.` };
  }
  // target reaches source already, so source → target would close a loop.
  if (ancestors(buildGraph(flow), source).has(target)) {
    return {
      ok: false,
      reason: `Connecting ${source} to ${target} would make a cycle: ${target} already leads to ${source}.`,
    };
  }
  return { ok: true, flow: { ...flow, edges: [...flow.edges, { source, target }] } };
}

export function removeEdges(flow: Flow, remove: (edge: FlowEdge) => boolean): Flow {
  return { ...flow, edges: flow.edges.filter((e) => !remove(e)) };
}

/** Removes nodes and every connection that touches them. */
export function removeNodes(flow: Flow, ids: ReadonlySet<NodeId>): Flow {
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !ids.has(n.id)),
    edges: flow.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)),
  };
}

export function moveNodes(flow: Flow, positions: ReadonlyMap<NodeId, Position>): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: p.x, y: p.y } } : n;
    }),
  };
}

/** Merges `patch` into one node's config (fields set to undefined are removed). */
export function updateConfig(flow: Flow, id: NodeId, patch: Record<string, unknown>): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      if (n.id !== id) return n;
      const config: Record<string, unknown> = { ...(n.config ?? {}), ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete config[k];
      return { ...n, config } as FlowNode;
    }),
  };
}

/** Rewrites `{{from}}` to `{{to}}` in every template field of a node. */
function renameReferences(node: FlowNode, renames: ReadonlyMap<string, string>): FlowNode {
  const field = NODE_KINDS[node.type].templateField;
  const config = node.config as Record<string, unknown> | undefined;
  if (!field) return node;
  const text = config?.[field];
  if (typeof text !== "string") return node;
  const next = replaceReferences(text, (ref) => {
    const to = renames.get(ref.id);
    return to === undefined ? ref.text : renameReference(ref, to);
  });
  return next === text ? node : ({ ...node, config: { ...config, [field]: next } } as FlowNode);
}

/**
 * Renames a node and every reference to it (connections and `{{templates}}`). Its memory id
 * stays: it names stored conversations, and renaming it would orphan them.
 */
export function renameNode(flow: Flow, from: NodeId, to: string): EditResult {
  if (from === to) return { ok: true, flow };
  const node = flow.nodes.find((n) => n.id === from);
  if (!node) return { ok: false, reason: `There is no node "${from}".` };
  if (!NODE_ID_PATTERN.test(to)) {
    return { ok: false, reason: "Use letters, digits and _, not starting with a digit." };
  }
  if (flow.nodes.some((n) => n.id === to))
    return { ok: false, reason: `Another node is already called "${to}".` };
  if (to === INPUT_REFERENCE && node.type !== "input") {
    return { ok: false, reason: `"input" is reserved for the chat message.` };
  }
  // {{input}} means the chat message whatever the input node is called: leave those alone.
  const renames = new Map(from === INPUT_REFERENCE ? [] : [[from as string, to]]);
  const newId = nodeId(to);
  return {
    ok: true,
    flow: {
      ...flow,
      nodes: flow.nodes.map((n) =>
        renameReferences(n.id === from ? { ...n, id: newId } : n, renames),
      ),
      edges: flow.edges.map((e) => ({
        ...e,
        source: e.source === from ? newId : e.source,
        target: e.target === from ? newId : e.target,
      })),
    },
  };
}

/** A piece of a flow on the clipboard: some nodes and the connections between them. */
export interface FlowFragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function fragmentOf(flow: Flow, ids: ReadonlySet<NodeId>): FlowFragment {
  return {
    nodes: structuredClone(flow.nodes.filter((n) => ids.has(n.id))),
    edges: structuredClone(flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target))),
  };
}

/**
 * Adds copies of a fragment's nodes with fresh unique ids and all their settings, moved by
 * `offset`; connections and templates inside the fragment follow the new ids. The chat
 * message keeps one node: a pasted Input node is the flow's own Input when it has one (its
 * connections come from there). A copy of a node on its own default memory (memory id = its
 * id) gets its own memory, named after the copy; a memory shared under another name stays
 * shared.
 */
export function pasteFragment(
  flow: Flow,
  fragment: FlowFragment,
  offset: Position,
): { flow: Flow; ids: NodeId[] } {
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  let input = flow.nodes.find((n) => n.type === "input")?.id as string | undefined;
  const merged = new Set<string>();
  for (const node of fragment.nodes) {
    if (node.type === "input" && input !== undefined) {
      renames.set(node.id, input);
      merged.add(node.id);
      continue;
    }
    const id =
      node.type === "input"
        ? uniqueNodeId(flow, INPUT_REFERENCE, taken, true)
        : uniqueNodeId(flow, node.id, taken);
    if (node.type === "input") input = id;
    taken.add(id);
    renames.set(node.id, id);
  }
  const nodes = fragment.nodes
    .filter((n) => !merged.has(n.id))
    .map((n) => {
      const id = nodeId(renames.get(n.id) as string);
      const copy = structuredClone(n);
      if (copy.type === "llm" && copy.config.memoryId === n.id) copy.config.memoryId = id;
      return renameReferences(
        { ...copy, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } },
        renames,
      );
    });
  const edges = fragment.edges
    .filter((e) => renames.has(e.source) && renames.has(e.target))
    .map((e) => ({
      ...e,
      source: nodeId(renames.get(e.source) as string),
      target: nodeId(renames.get(e.target) as string),
    }));
  return {
    flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}
