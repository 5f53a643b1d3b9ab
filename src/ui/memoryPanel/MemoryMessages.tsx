import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { RunId } from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import { LongText } from "../common/LongText";

/** Longer logs are virtualized: only the rows in view (plus a margin) are in the page. */
export const VIRTUALIZE_ABOVE = 200;

interface MemoryMessagesProps {
  memoryId: string;
  messages: readonly MemoryMessage[];
  numbers: ReadonlyMap<RunId, number>;
}

/** A memory's messages, oldest first: role, text, and the node and run that wrote each. */
export function MemoryMessages(props: MemoryMessagesProps) {
  return props.messages.length > VIRTUALIZE_ABOVE ? (
    <VirtualMessages {...props} />
  ) : (
    <ol className="memory-messages" aria-label={`Messages of memory ${props.memoryId}`}>
      {props.messages.map((m) => (
        <MessageRow key={m.id} message={m} numbers={props.numbers} />
      ))}
    </ol>
  );
}

const ESTIMATED_ROW = 64;

function VirtualMessages({ memoryId, messages, numbers }: MemoryMessagesProps) {
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
  ref?: (element: HTMLLIElement | null) => void;
  /** Set when virtualized: the row's place among all, since most rows are not in the page. */
  index?: number;
  total?: number;
  top?: number;
}

function MessageRow({ message, numbers, ref, index, total, top }: MessageRowProps) {
  const virtual = index !== undefined;
  return (
    <li
      ref={ref}
      className={`memory-message is-${message.role}`}
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
      </span>
      <span className="memory-message-text">
        <LongText text={message.content} />
      </span>
    </li>
  );
}
