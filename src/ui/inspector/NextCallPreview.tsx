import { useId } from "react";
import { type AssembledCall, assembleCall } from "../../engine/callAssembly";
import type { MemoryId } from "../../engine/ids";
import { type MemorySettings, readsMemory } from "../../engine/memorySettings";
import { memoryHead } from "../../engine/saver";
import { windowLabel } from "../memory/memoryLabels";
import { type PreviewSource, useMemoryHeads } from "./memoryHeadsSource";
import { useWindowPreview, type WindowPreview } from "./useWindowPreview";

interface NextCallPreviewProps {
  systemPrompt: string | undefined;
  /** The node's memory settings (memorySettings): memoryId null means no memory. */
  settings: MemorySettings;
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
  const { settings, systemPrompt } = props;
  return (
    <section className="inspector-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Next call preview</h3>
      {readsMemory(settings) ? (
        <MemoryPreview {...props} settings={settings} />
      ) : (
        <Messages
          summary={
            settings.memoryId === null
              ? "No memory: this node sees only the system prompt and the prompt."
              : `Write only: this node sees no history; it records its prompt and reply in "${settings.memoryId}".`
          }
          call={assembleCall({ systemPrompt, memory: null, prompt: NEXT_PROMPT })}
        />
      )}
    </section>
  );
}

function MemoryPreview({
  systemPrompt,
  settings,
  source,
}: NextCallPreviewProps & { settings: MemorySettings & { memoryId: MemoryId } }) {
  const heads = useMemoryHeads(source);
  const ready = heads.status === "ready";
  const read = useWindowPreview(ready ? heads.saver : null, ready ? heads.heads : {}, settings);
  const { memoryId, windowSize } = settings;

  if (heads.status === "unavailable") {
    return <p className="inspector-help">Memory is not available: {heads.reason}</p>;
  }
  if (heads.status === "loading" || read.status === "loading") {
    return <p className="inspector-help">Reading memory…</p>;
  }
  if (read.status === "failed") return <p className="inspector-problem error">{read.message}</p>;
  const { preview, stale } = read;
  const call = previewCall(systemPrompt, preview);
  const summary =
    memoryHead(heads.heads, memoryId) === null
      ? `Memory "${memoryId}" is empty in this conversation: this node sees only the system prompt and the prompt.`
      : `From memory "${memoryId}": ${windowLabel(windowSize)} (${preview.memory.kept.length} sent, ${preview.memory.droppedCount} left out).`;
  return <Messages summary={summary} call={call} stale={stale} />;
}

const previewCall = (systemPrompt: string | undefined, preview: WindowPreview): AssembledCall =>
  assembleCall({ systemPrompt, memory: preview.memory, shown: preview.shown, prompt: NEXT_PROMPT });

interface MessagesProps {
  summary: string;
  call: AssembledCall;
  stale?: boolean;
}

/** The call in the order of the memory log: what the window leaves out, greyed, comes first. */
function Messages({ summary, call, stale = false }: MessagesProps) {
  const system = call.messages.filter((m) => m.source.kind === "system");
  const rest = call.messages.filter((m) => m.source.kind !== "system");
  return (
    <>
      <p className="inspector-help">{summary}</p>
      <ol className="inspector-preview-messages" aria-busy={stale || undefined}>
        {system.map((m) => (
          <Line key="system" speaker="system" text={m.content} />
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
}: {
  speaker: string;
  text: string;
  dropped?: boolean;
}) {
  const text = full.length > LINE_CHARS ? `${full.slice(0, LINE_CHARS)}…` : full;
  return (
    <li className={dropped ? "inspector-preview-dropped" : undefined} title={text}>
      <span className="inspector-preview-role">{speaker}</span>
      {dropped && <span className="inspector-preview-tag">not sent</span>}
      <span className="inspector-preview-text">{text}</span>
    </li>
  );
}
