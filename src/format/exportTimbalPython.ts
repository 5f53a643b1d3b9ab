import { systemPromptOf } from "../engine/callAssembly";
import type { Flow, FlowNode, LlmNode } from "../engine/flow";
import { FLOW_VERSION } from "../engine/flow";
import { ancestors, buildGraph, type Graph, topologicalOrder } from "../engine/graph";
import type { NodeId } from "../engine/ids";
import { nodeMemory } from "../engine/memorySettings";
import { nodeTemplate } from "../engine/nodeKinds";
import { INPUT_REFERENCE, referenceTo, replaceReferences, soleReference } from "../engine/template";
import { NODE_ID_PATTERN, validateFlow } from "../engine/validateFlow";
import { commentText, pyNumber, pyString } from "./pythonLiteral";
import { CONFIG_KEY_ORDER } from "./writeFlowFile";

/*
 * A Python module that builds the same flow with Timbal's Flow builder, in the style of the
 * seed document (memory-in-llms.md). API names follow Timbal's own code as found in
 * timbal-ai/timbal, python/timbal/core/flow/engine.py: add_llm(id, model, memory_id,
 * memory_window_size, max_tokens, system_prompt, temperature), add_step(id, fn),
 * add_link(step_id, next_step_id), set_input, set_data_map, set_data_value (with "{{key}}"
 * interpolation and autolink), set_output(data_key, output_key), compile(state_saver=...).
 *
 * Mapping: the chat message is the flow input "prompt"; an LLM node is add_llm; a template
 * node (or an output combining several values) is a step running `render`, whose `text`
 * Timbal interpolates; an output node is set_output. Whatever behaves differently in Timbal,
 * or has no equivalent, gets a `# NOTE:` on the line concerned: never dropped silently.
 * Deterministic: the same flow gives the same text (the golden files depend on it).
 */

/** The flow input carrying the chat message, as in Timbal's examples (`set_input("chat.prompt", "prompt")`). */
const FLOW_INPUT = "prompt";
const INDENT = "    ";
const MAX_LINE = 100;

/*
 * Our templates are read with the engine's grammar (engine/template.ts), so the export sees the
 * same references the engine fills in, `{{ llm1 }}` and `{{llm1}}` alike. Timbal's own grammar
 * is below: it is what Timbal will try to fill in, spaces not allowed.
 */
/** Timbal's DATA_KEY_INTERPOLATION_PATTERN: text it will try to fill in. */
const TIMBAL_REFERENCE = /\{\{([a-zA-Z0-9_.]{0,128})\}\}/g;
/** A Timbal data key as its interpolation writes it. */
const timbalReference = (key: string) => `{{${key}}}`;

type Ref = { kind: "input" } | { kind: "step"; id: string } | { kind: "none" };

interface Arg {
  name: string;
  value: string;
  notes: string[];
}

export function exportTimbalPython(flow: Flow): string {
  return new TimbalWriter(flow).write();
}

class TimbalWriter {
  private readonly graph: Graph;
  private readonly byId = new Map<string, FlowNode>();
  private readonly topoIndex = new Map<string, number>();
  private readonly chain: string[] = [];
  /** Per step, the steps add_link connected into it: references to others need autolink=False. */
  private readonly linked = new Map<string, Set<string>>();
  private needsRender = false;

  constructor(private readonly flow: Flow) {
    this.graph = buildGraph(flow);
    for (const node of flow.nodes) if (!this.byId.has(node.id)) this.byId.set(node.id, node);
  }

  write(): string {
    const order = this.order();
    for (const [i, id] of order.entries()) this.topoIndex.set(id, i);
    for (const id of order) {
      const node = this.byId.get(id);
      if (node) this.node(node);
    }
    const memory = this.flow.nodes.some((n) => nodeMemory(n).memoryId !== null);
    return [
      ...this.header(),
      "from timbal import Flow",
      ...(memory ? ["from timbal.state.savers import InMemorySaver"] : []),
      "",
      "",
      ...(this.needsRender ? [...RENDER_FUNCTION, "", ""] : []),
      "flow = (",
      `${INDENT}Flow()`,
      ...this.chain,
      `${INDENT}.compile(${memory ? "state_saver=InMemorySaver()" : ""})`,
      ")",
      "",
    ].join("\n");
  }

  /** Topological order (ties by id); nodes caught in a cycle follow in file order. */
  private order(): string[] {
    const order: string[] = topologicalOrder(this.graph);
    const placed = new Set(order);
    for (const id of this.byId.keys()) if (!placed.has(id)) order.push(id);
    return order;
  }

  private header(): string[] {
    const lines = [
      `# Flow ${pyString(this.flow.name)}, exported from LLM Flow Studio (flow file version ${FLOW_VERSION}).`,
      "#",
      "# Written for Timbal's Flow builder as found in timbal-ai/timbal,",
      "# python/timbal/core/flow/engine.py (add_llm, add_step, add_link, set_input, set_data_map,",
      "# set_data_value, set_output, compile). Later Timbal releases build workflows with",
      "# Workflow instead: run this with a release that still has Flow. Not confirmed: that",
      '# "{{step.return}}" inserts an LLM step\'s reply as plain text.',
      "#",
      `# The chat message is the flow input ${pyString(FLOW_INPUT)}:`,
      `#     result = await flow.complete(${FLOW_INPUT}="Hi! My name is David")`,
      "# A line marked NOTE behaves differently in Timbal, or has no Timbal equivalent.",
      "# NOTE: Timbal fills in {{...}} wherever a text value holds it, the chat message and a",
      "# template step's result included: a message containing {{...}} can fail there.",
    ];
    const errors = validateFlow(this.flow).filter((p) => p.severity === "error");
    if (errors.length > 0) {
      lines.push("#", "# NOTE: LLM Flow Studio finds problems in this flow; the code may not run:");
      for (const e of errors) lines.push(`#   - ${commentText(e.message)}`);
    }
    return [...lines, ""];
  }

  private node(node: FlowNode): void {
    switch (node.type) {
      case "input":
        this.comment(
          `${pyString(node.id)}: the chat message, the flow input ${pyString(FLOW_INPUT)}`,
        );
        return;
      case "llm":
        this.call("add_llm", this.llmArgs(node));
        this.links(node.id);
        this.wire(node.id, "prompt", nodeTemplate(node));
        return;
      case "template":
        this.addRenderStep(node.id);
        this.links(node.id);
        this.wire(node.id, "text", nodeTemplate(node));
        return;
      case "output":
        this.output(node);
        return;
    }
  }

  private output(node: FlowNode): void {
    const pure = this.pureOutputRef(node);
    if (pure === "composite") {
      this.addRenderStep(node.id);
      this.links(node.id);
      this.wire(node.id, "text", nodeTemplate(node));
      this.line(`.set_output(${pyString(`${node.id}.return`)}, ${pyString(node.id)})`);
      return;
    }
    const ref = this.resolveRef(pure, new Set([node.id]));
    if (ref.kind === "none") {
      this.comment(`NOTE: output ${pyString(node.id)} shows nothing here: nothing feeds it.`);
      return;
    }
    this.line(`.set_output(${pyString(refKey(ref))}, ${pyString(node.id)})`);
  }

  /** An output showing exactly one value is a plain set_output; anything else needs a step. */
  private pureOutputRef(node: FlowNode): string | null | "composite" {
    const template = nodeTemplate(node);
    if (template === undefined) {
      const inputs = this.upstream(node.id);
      return inputs.length === 1 ? (inputs[0] as string) : null;
    }
    return soleReference(template) ?? "composite";
  }

  /** What a reference to `id` reads in Timbal: the flow input, a step's return, or nothing. */
  private resolveRef(id: string | null, seen: Set<string>): Ref {
    if (id === null) return { kind: "none" };
    if (id === INPUT_REFERENCE) return { kind: "input" };
    const node = this.byId.get(id);
    if (node === undefined) return { kind: "step", id }; // a broken flow; the header says so
    if (node.type === "input") return { kind: "input" };
    if (node.type !== "output") return { kind: "step", id };
    const pure = this.pureOutputRef(node);
    if (pure === "composite") return { kind: "step", id };
    if (pure === null || seen.has(pure)) return { kind: "none" };
    return this.resolveRef(pure, new Set([...seen, pure]));
  }

  private llmArgs(node: LlmNode): Arg[] {
    const c = node.config;
    const idNotes: string[] = [];
    if (node.id === FLOW_INPUT) {
      idNotes.push(
        `the id ${pyString(FLOW_INPUT)} is also the flow input's name; rename the node so ${timbalReference(FLOW_INPUT)} stays the chat message`,
      );
    }
    const known = new Set<string>(CONFIG_KEY_ORDER.llm);
    const unknown = Object.keys(c).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      idNotes.push(
        `not exported, no Timbal parameter: ${unknown.map((k) => `config.${commentText(k)}`).join(", ")}`,
      );
    }
    const args: Arg[] = [{ name: "id", value: pyString(node.id), notes: idNotes }];

    const modelNotes: string[] = [];
    if (c.provider === "echo") {
      modelNotes.push(
        'provider "echo" is LLM Flow Studio\'s offline test model (it describes what it received); Timbal has no equivalent: choose a real model',
      );
    }
    if (typeof c.baseUrl === "string" && c.baseUrl.trim() !== "") {
      modelNotes.push(
        `provider ${pyString(c.provider)} at ${displayUrl(c.baseUrl)}: add_llm takes no base URL; configure that server for Timbal's client yourself`,
      );
    }
    args.push({ name: "model", value: pyString(String(c.model)), notes: modelNotes });
    const systemPrompt = systemPromptOf(c);
    if (systemPrompt !== undefined) {
      args.push({ name: "system_prompt", value: pyString(systemPrompt), notes: [] });
    }
    if (typeof c.temperature === "number") {
      args.push({ name: "temperature", value: pyNumber(c.temperature), notes: [] });
    }
    if (typeof c.maxTokens === "number") {
      args.push({ name: "max_tokens", value: pyNumber(c.maxTokens), notes: [] });
    }
    const { memoryId, windowSize: w } = nodeMemory(node);
    if (memoryId !== null) {
      args.push({ name: "memory_id", value: pyString(memoryId), notes: this.memoryNotes(node) });
      if (typeof w === "number") {
        args.push({ name: "memory_window_size", value: pyNumber(w), notes: [windowNote(w)] });
      }
    }
    return args;
  }

  private memoryNotes(node: LlmNode): string[] {
    const notes: string[] = [];
    const { memoryId, mode } = nodeMemory(node);
    if (mode === "read-only") {
      notes.push(
        'memory mode "read-only" (sees the memory, records nothing) has no Timbal equivalent: this step will also record its exchange',
      );
    } else if (mode === "write-only") {
      notes.push(
        'memory mode "write-only" (records, sees no history) has no Timbal equivalent: this step will also see the history',
      );
    }
    const mine = ancestors(this.graph, node.id);
    const unordered = this.flow.nodes.filter(
      (other) =>
        other.id !== node.id &&
        nodeMemory(other).memoryId === memoryId &&
        !mine.has(other.id) &&
        !ancestors(this.graph, other.id).has(node.id),
    );
    if (unordered.length > 0) {
      const names = unordered.map((n) => pyString(n.id)).join(", ");
      notes.push(
        `shares this memory with ${names} and no connection orders them: LLM Flow Studio runs them one after another (by id), Timbal at the same time`,
      );
    }
    return notes;
  }

  private addRenderStep(id: string): void {
    this.needsRender = true;
    this.line(`.add_step(${pyString(id)}, render)`);
  }

  /**
   * One add_link per connection from another step, sources in topological order: Timbal
   * refuses a link from a step that is already an ancestor, and this order never asks for one.
   */
  private links(target: string): void {
    const sources = new Set<string>();
    for (const parent of this.upstream(target)) {
      const ref = this.resolveRef(parent, new Set([target]));
      if (ref.kind === "step" && ref.id !== target && this.byId.has(ref.id)) sources.add(ref.id);
    }
    const sorted = [...sources].sort(
      (a, b) => (this.topoIndex.get(a) ?? 0) - (this.topoIndex.get(b) ?? 0),
    );
    for (const source of sorted) this.line(`.add_link(${pyString(source)}, ${pyString(target)})`);
    this.linked.set(target, sources);
  }

  private upstream(id: string): readonly string[] {
    return this.graph.upstream.get(id as NodeId) ?? [];
  }

  /** Feeds `field` of step `id` from its template, or from its single input when it has none. */
  private wire(id: string, field: string, template: string | undefined): void {
    const key = `${id}.${field}`;
    const linked = this.linked.get(id) ?? new Set<string>();
    if (template === undefined) {
      const inputs = this.upstream(id);
      if (inputs.length !== 1) {
        this.comment(
          `NOTE: ${pyString(id)} has no ${field === "text" ? "template" : "prompt"} and ${inputs.length} inputs, so nothing feeds it here.`,
        );
        return;
      }
      this.wireRef(key, this.resolveRef(inputs[0] as string, new Set([id])), linked);
      return;
    }
    const whole = soleReference(template);
    if (whole !== null) {
      this.wireRef(key, this.resolveRef(whole, new Set([id])), linked);
      return;
    }
    const notes: string[] = [];
    const foreign = [...template.matchAll(TIMBAL_REFERENCE)]
      .map((m) => m[1] as string)
      .filter((k) => !NODE_ID_PATTERN.test(k));
    if (foreign.length > 0) {
      notes.push(
        `Timbal will also try to fill in ${foreign.map((k) => pyString(timbalReference(k))).join(", ")}, which is plain text here`,
      );
    }
    let unlinked = false;
    const text = replaceReferences(template, (ref) => {
      const r = this.resolveRef(ref.id, new Set([id]));
      if (r.kind === "none") {
        notes.push(`${referenceTo(ref.id)} has no value here and is left as it is`);
        return ref.text;
      }
      if (r.kind === "step" && !linked.has(r.id)) unlinked = true;
      return timbalReference(refKey(r));
    });
    this.line(
      `.set_data_value(${pyString(key)}, ${pyString(text)}${unlinked ? ", autolink=False" : ""})`,
      notes,
      unlinked ? AUTOLINK_WHY : undefined,
    );
  }

  private wireRef(key: string, ref: Ref, linked: ReadonlySet<string>): void {
    if (ref.kind === "none") {
      this.comment(`NOTE: nothing feeds ${pyString(key)} here.`);
    } else if (ref.kind === "input") {
      this.line(`.set_input(${pyString(key)}, ${pyString(FLOW_INPUT)})`);
    } else if (linked.has(ref.id)) {
      this.line(`.set_data_map(${pyString(key)}, ${pyString(refKey(ref))})`);
    } else {
      this.line(
        `.set_data_map(${pyString(key)}, ${pyString(refKey(ref))}, autolink=False)`,
        [],
        AUTOLINK_WHY,
      );
    }
  }

  /** One chained call: on one line when it fits and has no notes, else one argument per line. */
  private call(method: string, args: Arg[]): void {
    const flat = `${INDENT}.${method}(${args.map((a) => `${a.name}=${a.value}`).join(", ")})`;
    if (flat.length <= MAX_LINE && args.every((a) => a.notes.length === 0)) {
      this.chain.push(flat);
      return;
    }
    this.chain.push(`${INDENT}.${method}(`);
    for (const a of args) {
      this.chain.push(`${INDENT}${INDENT}${a.name}=${a.value},${commentSuffix(a.notes)}`);
    }
    this.chain.push(`${INDENT})`);
  }

  private line(code: string, notes: string[] = [], why?: string): void {
    this.chain.push(`${INDENT}${code}${commentSuffix(notes, why)}`);
  }

  private comment(text: string): void {
    this.chain.push(`${INDENT}# ${commentText(text)}`);
  }
}

const AUTOLINK_WHY =
  "autolink=False: that step is upstream through others, and Timbal refuses a second link to an ancestor";

/** A trailing comment: the plain explanation first, then each NOTE (differences from Timbal). */
function commentSuffix(notes: readonly string[], why?: string): string {
  const parts = [...(why ? [why] : []), ...notes.map((n) => `NOTE: ${n}`)];
  return parts.length === 0 ? "" : `  # ${commentText(parts.join("; "))}`;
}

function windowNote(w: number): string {
  if (w === 0) {
    return "0 means no history here. Timbal empties a window-0 memory when a run starts, but its cut keeps the whole list for 0 (a [-0:] slice), so messages added earlier in the same run stay visible";
  }
  return `here the window is the ${w} messages before the prompt; Timbal counts the prompt as one of them (${w + 1} gives the same history)`;
}

const refKey = (ref: Exclude<Ref, { kind: "none" }>) =>
  ref.kind === "input" ? FLOW_INPUT : `${ref.id}.return`;

/** A base URL without what could be a credential (user:password@, query string, fragment). */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return pyString(`${url.protocol}//${url.host}${url.pathname}`);
  } catch {
    return "(a base URL that is not valid)";
  }
}

const RENDER_FUNCTION = [
  "def render(text: str) -> str:",
  `${INDENT}"""A template node: Timbal fills in the {{step.return}} references of \`text\` before the call."""`,
  `${INDENT}return text`,
];
