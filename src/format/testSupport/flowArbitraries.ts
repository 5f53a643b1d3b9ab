import fc from "fast-check";
import type { Flow, FlowEdge, FlowNode, LlmConfig, StickyNote } from "../../engine/flow";
import { FLOW_SCHEMA, FLOW_VERSION, MEMORY_MODES, PROVIDERS } from "../../engine/flow";
import { nodeId, noteId } from "../../engine/ids";
import { NOTE_COLORS, NOTE_HEIGHT, NOTE_WIDTH } from "../../engine/stickyNotes";
import { isSecretKey } from "../secrets";
import { CONFIG_KEY_ORDER } from "../writeFlowFile";

/*
 * Random valid flows for property tests, built valid by construction: node i may only take
 * connections from nodes before it in a hidden topological order (so the graph is a DAG),
 * templates reference only ancestors, every config value is in range. File order of nodes
 * and edges is shuffled so nothing relies on it. Unknown fields are sprinkled at every level.
 */

type Gen = fc.GeneratorValue;

const ID = /^[A-Za-z_][A-Za-z0-9_]{0,10}$/;

/** Keys an unknown field may not take at each level (they mean something there). */
const TAKEN = {
  file: ["schema", "version", "name", "nodes", "edges", "memories", "notes", "conversations"],
  node: ["id", "type", "position", "config"],
  position: ["x", "y"],
  edge: ["source", "target"],
  note: ["id", "text", "position", "width", "height", "color"],
  config: [...CONFIG_KEY_ORDER.llm, "template", "value"],
};

/**
 * Any JSON value that survives a file round trip unchanged: no -0 (JSON writes 0), no
 * "__proto__" key (the validator drops it), no secret keys (never written).
 */
export function plainJson(value: unknown): unknown {
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "__proto__" && !isSecretKey(k))
        .map(([k, v]) => [k, plainJson(v)]),
    );
  }
  return value;
}

const unknownValue = () => fc.jsonValue({ maxDepth: 2 }).map(plainJson);

const unknownKey = (taken: readonly string[]) =>
  fc
    .oneof(fc.stringMatching(/^x[A-Za-z0-9_]{0,6}$/), fc.string({ maxLength: 6 }))
    .filter((k) => !taken.includes(k) && k !== "__proto__" && !isSecretKey(k));

/** Zero to two unknown fields for an object at `level`. */
function extras(g: Gen, level: keyof typeof TAKEN): Record<string, unknown> {
  if (!g(fc.boolean)) return {};
  const entries = g(() =>
    fc.uniqueArray(fc.tuple(unknownKey(TAKEN[level]), unknownValue()), {
      maxLength: 2,
      selector: ([k]) => k,
    }),
  );
  return Object.fromEntries(entries);
}

const coordinate = () =>
  fc.oneof(
    fc.integer({ min: -5000, max: 5000 }),
    // -0 would come back as 0: JSON has no negative zero.
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
  );

/** Literal template text that cannot be read as a reference. */
const literal = () =>
  fc
    .string({ maxLength: 12, unit: "binary" })
    .filter((s) => !s.includes("{{") && !s.includes("}}"));

/** A template mixing literal text and at least one reference chosen from `refs`. */
function template(g: Gen, refs: readonly string[]): string {
  const count = g(fc.integer, { min: 1, max: 3 });
  let out = g(literal);
  for (let i = 0; i < count; i++) {
    const ref = g(fc.constantFrom, ...refs);
    const spaced = g(fc.boolean);
    out += spaced ? `{{ ${ref} }}` : `{{${ref}}}`;
    out += g(literal);
  }
  return out;
}

function llmConfig(g: Gen, prompt: string | undefined): LlmConfig {
  const provider = g(fc.constantFrom, ...PROVIDERS);
  const config: LlmConfig = {
    provider,
    model: g(fc.constantFrom, "echo", "gpt-4o-mini", "claude-3-5-haiku-latest", "llama3.2", "m 1"),
  };
  if (provider === "openai-compatible" || g(fc.boolean)) {
    config.baseUrl = g(fc.constantFrom, "http://127.0.0.1:11434/v1", "https://api.example.com/v1");
  }
  if (g(fc.boolean)) config.systemPrompt = g(fc.string, { maxLength: 20, unit: "binary" });
  if (prompt !== undefined) config.prompt = prompt;
  if (g(fc.boolean)) {
    config.temperature = g(fc.double, { min: 0, max: 2, noNaN: true });
    if (Object.is(config.temperature, -0)) config.temperature = 0;
  }
  if (g(fc.boolean)) config.maxTokens = g(fc.integer, { min: 1, max: 100_000 });
  if (g(fc.boolean)) config.memoryId = g(fc.constantFrom, null, "chat_llm", "shared_memory", "M");
  if (g(fc.boolean)) config.memoryWindowSize = g(fc.constantFrom, null, 0, 1, 5, 1000);
  // One flow in four: the Timbal round trips leave budgeted flows out (no equivalent there).
  if (g(fc.nat, 3) === 0) config.memoryWindowTokens = g(fc.constantFrom, 1, 50, 4096);
  if (g(fc.boolean)) config.memoryMode = g(fc.constantFrom, ...MEMORY_MODES);
  return { ...config, ...extras(g, "config") };
}

/** A random flow that readFlowFile accepts. */
export function buildValidFlow(g: Gen): Flow {
  const middle = g(() =>
    fc.uniqueArray(
      // Ending in _in or _out is kept for the derived ids below, so they never collide.
      fc.stringMatching(ID).filter((id) => id !== "input" && !/_(in|out)$/.test(id)),
      { minLength: 1, maxLength: 6 },
    ),
  );
  // Hidden topological order: the chat input, maybe a second input, the middle, one output.
  const secondInput = g(fc.boolean) ? `${middle[0]}_in` : null;
  const outputId = `${middle[middle.length - 1]}_out`;
  const order = ["input", ...(secondInput ? [secondInput] : []), ...middle, outputId];

  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const ancestorsOf = new Map<string, Set<string>>();
  const position = () => ({ x: g(coordinate), y: g(coordinate), ...extras(g, "position") });

  order.forEach((id, i) => {
    const isInput = id === "input" || id === secondInput;
    if (isInput) {
      ancestorsOf.set(id, new Set());
      nodes.push({ id: nodeId(id), type: "input", position: position(), ...extras(g, "node") });
      return;
    }
    const earlier = order.slice(0, i);
    const parents = g(() =>
      fc.uniqueArray(fc.constantFrom(...earlier), { minLength: 1, maxLength: 3 }),
    );
    const ancestors = new Set<string>();
    for (const p of parents) {
      ancestors.add(p);
      for (const a of ancestorsOf.get(p) ?? []) ancestors.add(a);
      edges.push({ source: nodeId(p), target: nodeId(id), ...extras(g, "edge") });
    }
    ancestorsOf.set(id, ancestors);
    // {{input}} is the chat message wherever the node sits; the rest must be upstream.
    const refs = ["input", ...ancestors];
    // Without a template, a node passes its single input through; with more it needs one.
    const text = parents.length > 1 || g(fc.boolean) ? template(g, refs) : undefined;
    const kind = id === outputId ? "output" : g(fc.constantFrom, "llm", "template");
    const base = { id: nodeId(id), position: position(), ...extras(g, "node") };
    if (kind === "llm") nodes.push({ ...base, type: "llm", config: llmConfig(g, text) });
    else if (kind === "template") {
      nodes.push({
        ...base,
        type: "template",
        config: { ...(text !== undefined && { template: text }), ...extras(g, "config") },
      });
    } else {
      nodes.push({
        ...base,
        type: "output",
        config: { ...(text !== undefined && { value: text }), ...extras(g, "config") },
      });
    }
  });

  const notes = g(fc.boolean) ? stickyNotes(g, position) : undefined;
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: g(fc.string, { maxLength: 20, unit: "binary" }),
    nodes: g(fc.shuffledSubarray, nodes, { minLength: nodes.length }),
    edges: g(fc.shuffledSubarray, edges, { minLength: edges.length }),
    ...(notes && { notes }),
    ...extras(g, "file"),
  };
}

const within = ({ min, max }: { min: number; max: number }) =>
  fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));

/** Zero to four sticky notes (version 3): any text up to the limit's edge, sizes in bounds. */
function stickyNotes(g: Gen, position: () => StickyNote["position"]): StickyNote[] {
  const ids = g(() => fc.uniqueArray(fc.stringMatching(ID), { maxLength: 4 }));
  return ids.map((id) => ({
    id: noteId(id),
    text: g(() =>
      fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), fc.constant("# Title\n\n- **b**")),
    ),
    position: position(),
    width: g(within, NOTE_WIDTH),
    height: g(within, NOTE_HEIGHT),
    ...(g(fc.boolean) && { color: g(fc.constantFrom, ...NOTE_COLORS) }),
    ...extras(g, "note"),
  }));
}
