import { useId } from "react";
import {
  type AssembledCall,
  assembleCall,
  type CallModel,
  contextWarning,
} from "../../engine/callAssembly";
import type { MemoryId } from "../../engine/ids";
import { type MemorySettings, readsMemory } from "../../engine/memorySettings";
import { memoryHead } from "../../engine/saver";
import type { TokenCounter } from "../../engine/tokenCount";
import { windowAndBudgetLabel } from "../memory/memoryLabels";
import { CallTokensNote } from "./CallTokensNote";
import { type PreviewSource, useMemoryHeads } from "./memoryHeadsSource";
import { useCallTokenCounter } from "./useCallTokenCounter";
import { useWindowPreview, type WindowPreview } from "./useWindowPreview";

interface NextCallPreviewProps {
  systemPrompt: string | undefined;
  /** The node's memory settings (memorySettings): memoryId null means no memory. */
  settings: MemorySettings;
  /** The node's provider, model and max tokens: how tokens count, and the context warning. */
  model: CallModel & { maxTokens?: number };
  /** For tests and embedding; by default the open conversation of the studio. */
  source?: PreviewSource;
}

/**
 * The prompt is only known when the run renders it, so the preview assembles the call around
 * an empty one and shows its place as "(your next message)".
 */
const NEXT_PROMPT = "";

/** What this node would send with the next chat message, in the open conversation. */
export function NextCallPreview(props: NextCallPreviewProps) {
  const headingId = useId();
  const { settings, systemPrompt, model } = props;
  const counter = useCallTokenCounter(settings, model);
  return (
    <section className="inspector-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Next call preview</h3>
      {counter.status === "loading" ? (
        <p className="inspector-help">Loading the tokenizer…</p>
      ) : counter.status === "failed" ? (
        <p className="inspector-problem error">{counter.message}</p>
      ) : readsMemory(settings) ? (
        <MemoryPreview {...props} settings={settings} counter={counter.counter} />
      ) : (
        <Messages
          summary={
            settings.memoryId === null
              ? "No memory: this node sees only the system prompt and the prompt."
              : `Write only: this node sees no history; it records its prompt and reply in "${settings.memoryId}".`
          }
          call={assembleCall({
            systemPrompt,
            memory: null,
            prompt: NEXT_PROMPT,
            counter: counter.counter,
          })}
          model={model}
        />
      )}
    </section>
  );
}

function MemoryPreview({
  systemPrompt,
  settings,
  source,
  model,
  counter,
}: NextCallPreviewProps & {
  settings: MemorySettings & { memoryId: MemoryId };
  counter: TokenCounter;
}) {
  const heads = useMemoryHeads(source);
  const ready = heads.status === "ready";
  const read = useWindowPreview(
    ready ? heads.saver : null,
    ready ? heads.heads : {},
    settings,
    counter,
  );
  const { memoryId, windowSize, windowTokens } = settings;

  if (heads.status === "unavailable") {
    return <p className="inspector-help">Memory is not available: {heads.reason}</p>;
  }
  if (heads.status === "loading" || read.status === "loading") {
    return <p className="inspector-help">Reading memory…</p>;
  }
  if (read.status === "failed") return <p className="inspector-problem error">{read.message}</p>;
  const { preview, stale } = read;
  const call = previewCall(systemPrompt, preview, counter);
  const summary =
    memoryHead(heads.heads, memoryId) === null
      ? `Memory "${memoryId}" is empty in this conversation: this node sees only the system prompt and the prompt.`
      : `From memory "${memoryId}": ${windowAndBudgetLabel(windowSize, windowTokens)} (${pinSummary(preview)}${preview.memory.kept.length} sent, ${preview.memory.droppedCount} left out).${preview.memory.pinsOverBudget ? " The pinned messages alone exceed the token budget: they are sent, and nothing else of the memory." : ""}`;
  return <Messages summary={summary} call={call} stale={stale} model={model} />;
}

/** "2 pinned, " when the memory has pins: they are sent whatever the window. */
const pinSummary = (preview: WindowPreview) => {
  const pins = preview.memory.pinned?.length ?? 0;
  return pins > 0 ? `${pins} pinned, ` : "";
};

const previewCall = (
  systemPrompt: string | undefined,
  preview: WindowPreview,
  counter: TokenCounter,
): AssembledCall =>
  assembleCall({
    systemPrompt,
    memory: preview.memory,
    shown: preview.shown,
    prompt: NEXT_PROMPT,
    counter,
  });

interface MessagesProps {
  summary: string;
  call: AssembledCall;
  model: NextCallPreviewProps["model"];
  stale?: boolean;
}

/** The call in the order of the memory log: what the window leaves out, greyed, comes first. */
function Messages({ summary, call, model, stale = false }: MessagesProps) {
  const system = call.messages.filter((m) => m.source.kind === "system");
  // Pinned messages are sent right after the system prompt, before the window.
  const pinned = call.messages.filter((m) => m.pinned);
  const rest = call.messages.filter((m) => m.source.kind !== "system" && !m.pinned);
  const warning = contextWarning(call.tokens, model);
  return (
    <>
      <p className="inspector-help">{summary}</p>
      <CallTokensNote tokens={call.tokens} beforePrompt />
      {warning && <p className="inspector-problem warning">{warning}</p>}
      <ol className="inspector-preview-messages" aria-busy={stale || undefined}>
        {system.map((m) => (
          <Line key="system" speaker="system" text={m.content} />
        ))}
        {pinned.map((m) => (
          <Line
            key={`pinned:${m.source.kind === "memory" ? m.source.messageId : ""}`}
            speaker={m.role}
            text={m.content}
            pinned
          />
        ))}
        {call.earlier > 0 && (
          <li className="inspector-preview-earlier">and {call.earlier} earlier</li>
        )}
        {rest.map((m) =>
          m.source.kind === "memory" ? (
            <Line
              key={`${m.dropped ? "dropped" : "kept"}:${m.source.messageId}`}
              speaker={m.role}
              text={m.content}
              dropped={m.dropped}
              overBudget={m.overBudget === true}
            />
          ) : (
            <li key="next" className="inspector-preview-next">
              (your next message)
            </li>
          ),
        )}
      </ol>
    </>
  );
}

/** A line of the preview shows at most this much of its message: a reply may be a megabyte. */
const LINE_CHARS = 2000;

function Line({
  speaker,
  text: full,
  dropped = false,
  overBudget = false,
  pinned = false,
}: {
  speaker: string;
  text: string;
  dropped?: boolean;
  overBudget?: boolean;
  pinned?: boolean;
}) {
  const text = full.length > LINE_CHARS ? `${full.slice(0, LINE_CHARS)}…` : full;
  return (
    <li className={dropped ? "inspector-preview-dropped" : undefined} title={text}>
      <span className="inspector-preview-role">{speaker}</span>
      {pinned && <span className="inspector-preview-tag is-pinned">pinned</span>}
      {dropped && (
        <span className="inspector-preview-tag">
          {overBudget ? "not sent: over the token budget" : "not sent"}
        </span>
      )}
      <span className="inspector-preview-text">{text}</span>
    </li>
  );
}
