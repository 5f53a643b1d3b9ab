import { useId } from "react";
import type { MemoryMode } from "../../engine/flow";
import { windowLabel } from "../memory/memoryLabels";
import { headOf, type PreviewSource, useMemoryHeads } from "./memoryHeadsSource";
import { useWindowPreview, type WindowPreview } from "./useWindowPreview";

interface NextCallPreviewProps {
  systemPrompt: string | undefined;
  /** null: the node has no memory. */
  memoryId: string | null;
  mode: MemoryMode;
  windowSize: number | null;
  /** For tests and embedding; by default the open conversation of the studio. */
  source?: PreviewSource;
}

/** What this node would send with the next chat message, in the open conversation. */
export function NextCallPreview(props: NextCallPreviewProps) {
  const headingId = useId();
  return (
    <section className="inspector-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Next call preview</h3>
      {props.memoryId === null ? (
        <Messages
          summary="No memory: this node sees only the system prompt and the prompt."
          systemPrompt={props.systemPrompt}
        />
      ) : props.mode === "write-only" ? (
        <Messages
          summary={`Write only: this node sees no history; it records its prompt and reply in "${props.memoryId}".`}
          systemPrompt={props.systemPrompt}
        />
      ) : (
        <MemoryPreview {...props} memoryId={props.memoryId} />
      )}
    </section>
  );
}

function MemoryPreview({
  systemPrompt,
  memoryId,
  mode,
  windowSize,
  source,
}: NextCallPreviewProps & { memoryId: string }) {
  const heads = useMemoryHeads(source);
  const ready = heads.status === "ready";
  const head = ready ? headOf(heads.heads, memoryId) : null;
  const read = useWindowPreview(ready ? heads.saver : null, head, mode, windowSize);

  if (heads.status === "unavailable") {
    return <p className="inspector-help">Memory is not available: {heads.reason}</p>;
  }
  if (heads.status === "loading" || read.status === "loading") {
    return <p className="inspector-help">Reading memory…</p>;
  }
  if (read.status === "failed") return <p className="inspector-problem error">{read.message}</p>;
  const { preview, stale } = read;
  const summary =
    head === null
      ? `Memory "${memoryId}" is empty in this conversation: this node sees only the system prompt and the prompt.`
      : `From memory "${memoryId}": ${windowLabel(windowSize)} (${preview.kept.length} sent, ${preview.dropped.length + preview.earlier} left out).`;
  return <Messages summary={summary} systemPrompt={systemPrompt} preview={preview} stale={stale} />;
}

interface MessagesProps {
  summary: string;
  systemPrompt: string | undefined;
  preview?: WindowPreview;
  stale?: boolean;
}

/** The call in the order of the memory log: what the window leaves out, greyed, comes first. */
function Messages({ summary, systemPrompt, preview, stale = false }: MessagesProps) {
  return (
    <>
      <p className="inspector-help">{summary}</p>
      <ol className="inspector-preview-messages" aria-busy={stale || undefined}>
        {systemPrompt && <Line speaker="system" text={systemPrompt} />}
        {preview && preview.earlier > 0 && (
          <li className="inspector-preview-earlier">and {preview.earlier} earlier</li>
        )}
        {preview?.dropped.map((m) => (
          <Line key={m.id} speaker={m.role} text={m.content} dropped />
        ))}
        {preview?.kept.map((m) => (
          <Line key={m.id} speaker={m.role} text={m.content} />
        ))}
        <li className="inspector-preview-next">(your next message)</li>
      </ol>
    </>
  );
}

function Line({
  speaker,
  text,
  dropped = false,
}: {
  speaker: string;
  text: string;
  dropped?: boolean;
}) {
  return (
    <li className={dropped ? "inspector-preview-dropped" : undefined} title={text}>
      <span className="inspector-preview-role">{speaker}</span>
      {dropped && <span className="inspector-preview-tag">not sent</span>}
      <span className="inspector-preview-text">{text}</span>
    </li>
  );
}
