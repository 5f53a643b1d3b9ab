import { useVirtualizer } from "@tanstack/react-virtual";
import { type MouseEvent, useId, useRef, useState } from "react";
import type { MessageId, RunId } from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import { LongText } from "../common/LongText";
import { MessageActions } from "./MessageActions";

/** Longer logs are virtualized: only the rows in view (plus a margin) are in the page. */
export const VIRTUALIZE_ABOVE = 200;

interface MemoryMessagesProps {
  memoryId: string;
  messages: readonly MemoryMessage[];
  numbers: ReadonlyMap<RunId, number>;
}

/** Longer than this, or on more than one line, a message shows one line until expanded. */
const PREVIEW_CHARS = 120;

/** True for a message shown as a one-line preview with Expand. */
const isLong = (content: string) => content.length > PREVIEW_CHARS || content.includes("\n");

/** Which long messages are expanded: kept above the rows, which virtualization unmounts. */
interface Expansion {
  expanded: ReadonlySet<MessageId>;
  toggle(id: MessageId): void;
}

/** A memory's messages, oldest first: role, text, and the node and run that wrote each. */
export function MemoryMessages(props: MemoryMessagesProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<MessageId>>(new Set());
  const toggle = (id: MessageId) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const expansion = { expanded, toggle };
  return props.messages.length > VIRTUALIZE_ABOVE ? (
    <VirtualMessages {...props} expansion={expansion} />
  ) : (
    <ol className="memory-messages" aria-label={`Messages of memory ${props.memoryId}`}>
      {props.messages.map((m) => (
        <MessageRow key={m.id} message={m} numbers={props.numbers} expansion={expansion} />
      ))}
    </ol>
  );
}

const ESTIMATED_ROW = 64;

function VirtualMessages({
  memoryId,
  messages,
  numbers,
  expansion,
}: MemoryMessagesProps & { expansion: Expansion }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
    getItemKey: (index) => messages[index]?.id ?? index,
  });
  return (
    <div className="memory-messages-scroll" ref={scroller}>
      <ol
        className="memory-messages is-virtual"
        aria-label={`Messages of memory ${memoryId}`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const message = messages[row.index] as MemoryMessage;
          return (
            <MessageRow
              key={row.key}
              message={message}
              numbers={numbers}
              expansion={expansion}
              // Rows are measured once drawn: message lengths vary a lot.
              ref={virtualizer.measureElement}
              index={row.index}
              total={messages.length}
              top={row.start}
            />
          );
        })}
      </ol>
    </div>
  );
}

interface MessageRowProps {
  message: MemoryMessage;
  numbers: ReadonlyMap<RunId, number>;
  expansion: Expansion;
  ref?: (element: HTMLLIElement | null) => void;
  /** Set when virtualized: the row's place among all, since most rows are not in the page. */
  index?: number;
  total?: number;
  top?: number;
}

function MessageRow({ message, numbers, expansion, ref, index, total, top }: MessageRowProps) {
  const virtual = index !== undefined;
  const textId = useId();
  const long = isLong(message.content);
  const open = expansion.expanded.has(message.id);
  const toggle = () => expansion.toggle(message.id);
  const [editing, setEditing] = useState(false);
  // A click on the text toggles it too, unless it ends a text selection.
  const onTextClick = (event: MouseEvent) => {
    if (long && !event.defaultPrevented && !window.getSelection()?.toString()) toggle();
  };
  return (
    <li
      ref={ref}
      className={`memory-message is-${message.role}${message.deleted ? " is-deleted" : ""}${message.pinned ? " is-pinned" : ""}`}
      data-index={index}
      aria-posinset={virtual ? index + 1 : undefined}
      aria-setsize={virtual ? total : undefined}
      style={virtual ? { transform: `translateY(${top}px)` } : undefined}
    >
      <span className="memory-message-head">
        <span className="memory-message-role">{message.role}</span>
        <span className="memory-message-origin">
          by {message.nodeId}, run {numbers.get(message.runId) ?? "?"}
        </span>
        {message.pinned && <span className="memory-message-flag">pinned</span>}
        {message.deleted && <span className="memory-message-flag">deleted: not sent</span>}
        {message.edited && !message.deleted && <span className="memory-message-flag">edited</span>}
        {long && (
          <button
            type="button"
            className="memory-message-toggle"
            aria-expanded={open}
            aria-controls={textId}
            onClick={toggle}
          >
            {open ? "Collapse" : "Expand"}
            <span className="sr-only">
              {" "}
              {message.role} message by {message.nodeId}
            </span>
          </button>
        )}
      </span>
      <MessageActions message={message} editing={editing} onEditing={setEditing} />
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the Expand button is the keyboard's way */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a convenience for the pointer */}
      <span
        id={textId}
        hidden={editing}
        className={`memory-message-text${long ? (open ? " is-expanded" : " is-collapsed") : ""}`}
        onClick={onTextClick}
      >
        {/* A huge message (a 1 MB reply) shows its start, with Show all, even when expanded. */}
        <LongText text={message.content} />
      </span>
    </li>
  );
}
