import { systemPromptOf } from "../engine/callAssembly";
import type { Flow, FlowNode, LlmNode } from "../engine/flow";
import { FLOW_VERSION } from "../engine/flow";
import { ancestors, buildGraph, type Graph } from "../engine/graph";
import { topologicalOrder } from "../engine/graphOrder";
import type { NodeId } from "../engine/ids";
import { memoryScope } from "../engine/memoryScope";
import { nodeMemory, readsMemory } from "../engine/memorySettings";
import { summarySettings } from "../engine/memorySummary";
import { nodeTemplate } from "../engine/nodeKinds";
import {
  INPUT_REFERENCE,
  NODE_ID_PATTERN,
  referenceTo,
  replaceReferences,
  soleReference,
} from "../engine/template";
import { validateFlow } from "../engine/validateFlow";
import { commentText, pyNumber, pyString } from "./pythonLiteral";
import { noteCommentLines } from "./pythonNotes";
import { CONFIG_KEY_ORDER } from "./writeFlowFile";

/*
 * A Python module that builds the same flow with Timbal's Flow builder (Timbal 0.48 to
 * 0.58.7, the releases with Flow and add_llm; 1.0 removed them), and remembers as the app
 * does (docs/python-export.md). API names follow Timbal's own code, timbal-ai/timbal,
 * python/timbal/core/flow/engine.py: add_llm(id, model, memory_id, memory_window_size,
 * max_tokens, system_prompt, temperature), add_step(id, fn), add_link(step_id,
 * next_step_id), set_input, set_data_map, set_data_value (with "{{key}}" interpolation and
 * autolink), set_output(data_key, output_key), compile(state_saver=...).
 *
 * Mapping: the chat message is the flow input "prompt"; an LLM node is add_llm; a template
 * node (or an output combining several values) is a step running `render`, whose `text`
 * Timbal interpolates; an output node is set_output. An LLM step returns a Message, so every
 * use of its reply reads the text at `<id>.return.content.0.text`. Timbal's window counts the
 * prompt, so the app's window N is Timbal's N + 1. Whatever behaves differently in Timbal, or
 * has no equivalent, gets a `# NOTE:` on the line concerned: never dropped silently.
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
/** The longest data key Timbal's interpolation pattern matches. */
const TIMBAL_MAX_KEY = 128;
/** Where the text of an LLM step's reply (a Message) is: `<id>${LLM_TEXT}`. */
const LLM_TEXT = ".return.content.0.text";
/** Timbal 0.x picks the API by the model name's start; anything else goes to Together AI. */
const TIMBAL_ROUTED = /^(gpt|claude|gemini)/;
/** A Timbal data key as its interpolation writes it. */
const timbalReference = (key: string) => `{{${key}}}`;

type Ref = { kind: "input" } | { kind: "step"; id: string } | { kind: "none" };

interface Arg {
  name: string;
  value: string;
  notes: string[];
  /** A plain explanation, before the notes. */
  why?: string;
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
  /** The memory id each app memory id gets in Timbal (renamed where it would break there). */
  private readonly memoryNames = new Map<string, string>();
  private needsRender = false;

  constructor(private readonly flow: Flow) {
    this.graph = buildGraph(flow);
    for (const node of flow.nodes) if (!this.byId.has(node.id)) this.byId.set(node.id, node);
  }

  write(): string {
    const order = this.order();
    for (const [i, id] of order.entries()) this.topoIndex.set(id, i);
    this.nameMemories(order);
    for (const id of order) {
      const node = this.byId.get(id);
      if (node) this.node(node);
    }
    const memory = this.flow.nodes.some((n) => nodeMemory(n).memoryId !== null);
    return [
      ...this.header(),
      "import asyncio",
      "",
      "from timbal import Flow",
      "from timbal.state.context import RunContext",
      ...(memory ? ["from timbal.state.savers import InMemorySaver"] : []),
      "",
      "try:",
      `${INDENT}from timbal.state import set_run_context  # Timbal 0.56 and later`,
      "except ImportError:",
      `${INDENT}set_run_context = None`,
      "",
      "",
      ...(this.needsRender ? [...RENDER_FUNCTION, "", ""] : []),
      "flow = (",
      `${INDENT}Flow()`,
      ...this.chain,
      memory
        ? `${INDENT}.compile(state_saver=InMemorySaver())  # NOTE: InMemorySaver keeps memory while this process runs; JSONLSaver(path) keeps it across processes`
        : `${INDENT}.compile()`,
      ")",
      "",
      "",
      ...SEND_FUNCTION,
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

  /**
   * Timbal keeps a memory at the data key "<memory id>.memory", next to the steps' own keys:
   * a memory id that is also a step's id breaks unless that step is the memory's first LLM
   * (declared before it, its own add_llm maps the key onto itself: RecursionError; on a step
   * without that memory: AttributeError). Such ids, and the flow input's name, get a free
   * name instead.
   */
  private nameMemories(order: readonly string[]): void {
    const declarer = new Map<string, string>();
    for (const id of order) {
      const node = this.byId.get(id);
      const memory = node ? nodeMemory(node).memoryId : null;
      if (memory !== null) {
        if (!declarer.has(memory)) declarer.set(memory, id);
      }
    }
    const taken = new Set<string>([FLOW_INPUT, ...this.byId.keys(), ...declarer.keys()]);
    for (const [memory, first] of declarer) {
      const clashes = memory === FLOW_INPUT || (this.byId.has(memory) && memory !== first);
      if (!clashes) {
        this.memoryNames.set(memory, memory);
        continue;
      }
      let name = `${memory}_memory`;
      for (let i = 2; taken.has(name); i++) name = `${memory}_memory_${i}`;
      taken.add(name);
      this.memoryNames.set(memory, name);
    }
  }

  private header(): string[] {
    const lines = [
      `# Flow ${pyString(this.flow.name)}, exported from LLM Flow Studio (flow file version ${FLOW_VERSION}).`,
      "#",
      "# For Timbal 0.48 to 0.58.7, the releases with the Flow builder (add_llm, add_step,",
      "# add_link, set_input, set_data_map, set_data_value, set_output, compile); Timbal 1.0",
      "# removed it. Install one with: pip install 'timbal>=0.48,<0.59'",
      "#",
      `# The chat message is the flow input ${pyString(FLOW_INPUT)}. Chat in a terminal with`,
      "# `python <this file>`, or from your code call send() below, passing the previous",
      "# turn's run_id so that memory carries over:",
      `#     first = await send("Hi! My name is David")`,
      `#     second = await send("What is my name?", parent_id=first.run_id)`,
      "# A line marked NOTE behaves differently in Timbal, or has no Timbal equivalent.",
      "# NOTE: Timbal fills in {{...}} wherever a text value holds it, the chat message and a",
      "# template step's result included: a message containing {{...}} can fail there.",
      ...noteCommentLines(this.flow),
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
    const key = this.dataKey(ref);
    this.line(`.set_output(${pyString(key)}, ${pyString(node.id)})`, tooLong(key));
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
        `provider ${pyString(c.provider)} at ${displayUrl(c.baseUrl)}: add_llm takes no base URL, so Timbal never calls that server`,
      );
    }
    if (
      c.provider !== "echo" &&
      (c.provider === "openai-compatible" || !TIMBAL_ROUTED.test(String(c.model)))
    ) {
      modelNotes.push(
        "Timbal 0.x picks the API by the model's name: gpt*, claude* and gemini* go to OpenAI, Anthropic and Google, every other name (o-series, chatgpt-4o-latest, any OpenAI-compatible or Ollama model) to Together AI",
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
    const { memoryId } = nodeMemory(node);
    if (memoryId !== null) {
      const name = this.memoryNames.get(memoryId) ?? memoryId;
      args.push({
        name: "memory_id",
        value: pyString(name),
        notes: [...this.timbalMemoryNotes(node, memoryId, name), ...summaryNotes(node)],
      });
      const window = timbalWindow(node);
      const budget = tokenBudgetNotes(node);
      if (window) {
        args.push({
          name: "memory_window_size",
          value: pyNumber(window.size),
          notes: budget,
          why: window.why,
        });
      } else if (budget.length > 0) {
        // No window line to carry it: the note goes on the memory's own line.
        (args.at(-1) as Arg).notes.push(...budget);
      }
    }
    return args;
  }

  private timbalMemoryNotes(node: LlmNode, memoryId: string, name: string): string[] {
    const notes: string[] = [];
    const { mode } = nodeMemory(node);
    if (name !== memoryId) {
      notes.push(
        `memory ${pyString(memoryId)} is called ${pyString(name)} here: in Timbal a memory id equal to ${memoryId === FLOW_INPUT ? "the flow input's name" : "another step's id"} breaks the flow`,
      );
    }
    if (memoryScope(this.flow, memoryId) === "flow") {
      notes.push(
        `memory ${pyString(memoryId)} is shared by every conversation of this flow in the app (scope "flow"): Timbal has no such scope, and a conversation that starts without a parent run starts it empty`,
      );
    }
    if (mode === "read-only") {
      notes.push(
        'memory mode "read-only" (sees the memory, records nothing) has no Timbal equivalent: this step will also record its exchange',
      );
    }
    notes.push(
      "when this call fails, Timbal keeps its prompt in the memory; the app keeps nothing",
    );
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
        `shares this memory with ${names} and no connection orders them: LLM Flow Studio runs them one after another (by id), Timbal at the same time, so each also sees the other's prompt`,
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
      const dataKey = this.dataKey(r);
      notes.push(...tooLong(dataKey));
      return timbalReference(dataKey);
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
      const source = this.dataKey(ref);
      this.line(`.set_data_map(${pyString(key)}, ${pyString(source)})`, tooLong(source));
    } else {
      const source = this.dataKey(ref);
      this.line(
        `.set_data_map(${pyString(key)}, ${pyString(source)}, autolink=False)`,
        tooLong(source),
        AUTOLINK_WHY,
      );
    }
  }

  /** The data key holding a value as text: an LLM step returns a Message, its text is inside. */
  private dataKey(ref: Exclude<Ref, { kind: "none" }>): string {
    if (ref.kind === "input") return FLOW_INPUT;
    return this.byId.get(ref.id)?.type === "llm" ? `${ref.id}${LLM_TEXT}` : `${ref.id}.return`;
  }

  /** One chained call: on one line when it fits and has no notes, else one argument per line. */
  private call(method: string, args: Arg[]): void {
    const flat = `${INDENT}.${method}(${args.map((a) => `${a.name}=${a.value}`).join(", ")})`;
    if (flat.length <= MAX_LINE && args.every((a) => a.notes.length === 0 && !a.why)) {
      this.chain.push(flat);
      return;
    }
    this.chain.push(`${INDENT}.${method}(`);
    for (const a of args) {
      this.chain.push(`${INDENT}${INDENT}${a.name}=${a.value},${commentSuffix(a.notes, a.why)}`);
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

/** Timbal's interpolation and lookups stop at 128 characters: say so where a key is longer. */
function tooLong(key: string): string[] {
  return key.length > TIMBAL_MAX_KEY
    ? [
        `the data key ${pyString(key)} is longer than ${TIMBAL_MAX_KEY} characters, which Timbal does not fill in: shorten the node id`,
      ]
    : [];
}

/** A token budget has no Timbal equivalent: said where the window is set. */
function tokenBudgetNotes(node: LlmNode): string[] {
  const { mode, windowTokens } = nodeMemory(node);
  if (windowTokens === null || mode === "write-only") return [];
  return [
    `the app's token budget of ${windowTokens} tokens (memoryWindowTokens) has no Timbal equivalent: Timbal sends the whole window, whatever its tokens`,
  ];
}

/** Summary memory has no Timbal equivalent: said on the memory's line. */
function summaryNotes(node: LlmNode): string[] {
  const summarizer = summarySettings(node.config);
  if (summarizer === null || !readsMemory(nodeMemory(node))) return [];
  return [
    `the app's summary memory (memorySummary, by ${summarizer.provider} ${summarizer.model}) has no Timbal equivalent: Timbal drops the messages outside the window instead of summarizing them`,
  ];
}

/** The app's window in Timbal's terms, or null when Timbal's default (everything) is right. */
function timbalWindow(node: LlmNode): { size: number; why: string } | null {
  const { mode, windowSize: w } = nodeMemory(node);
  if (mode === "write-only") {
    return {
      size: 1,
      why: 'memory mode "write-only": a window of 1 in Timbal holds only the prompt, so this step records and sees no history',
    };
  }
  if (w === null) return null;
  return {
    size: w + 1,
    why: `the app's window of ${w} message${w === 1 ? "" : "s"} before the prompt: Timbal counts the prompt as one of them`,
  };
}

/** A base URL without what could be a credential (user:password@, query string, fragment). */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return pyString(`${url.protocol}//${url.host}${url.pathname}`);
  } catch {
    return "(a base URL that is not valid)";
  }
}

/** One chat turn, carrying memory over from the previous one on every Timbal 0.48 to 0.58. */
const SEND_FUNCTION = [
  "async def send(prompt: str, parent_id: str | None = None):",
  `${INDENT}"""One chat turn. Pass the previous turn's run_id as parent_id to continue its memory."""`,
  `${INDENT}context = RunContext(parent_id=parent_id)`,
  `${INDENT}if set_run_context is not None:`,
  `${INDENT}${INDENT}set_run_context(context)  # where Timbal 0.56 and later look for it`,
  `${INDENT}# Up to 0.57 Timbal takes the context as an argument; 0.58 ignores the argument.`,
  `${INDENT}return await flow.complete(context=context, ${FLOW_INPUT}=prompt)`,
  "",
  "",
  "async def main() -> None:",
  `${INDENT}parent_id = None`,
  `${INDENT}while True:`,
  `${INDENT}${INDENT}result = await send(input("> "), parent_id)`,
  `${INDENT}${INDENT}print(result.output)`,
  `${INDENT}${INDENT}parent_id = result.run_id`,
  "",
  "",
  'if __name__ == "__main__":',
  `${INDENT}asyncio.run(main())`,
];

const RENDER_FUNCTION = [
  "def render(text: str) -> str:",
  `${INDENT}"""A template node: Timbal fills in the {{step.return}} references of \`text\` before the call."""`,
  `${INDENT}return text`,
];
