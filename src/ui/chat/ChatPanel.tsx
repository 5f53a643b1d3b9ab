import { Composer } from "./Composer";
import { ConversationBar } from "./ConversationBar";
import { LazyTranscript } from "./LazyTranscript";
import { RunAnnouncer } from "./RunAnnouncer";
import "./chat.css";

/** The side panel's Chat tab: the conversations, the transcript, the message box. */
export function ChatPanel() {
  return (
    <section className="panel chat" aria-label="Chat">
      {/* The tab shows the name; the heading keeps the page outline whole (replies use h3+). */}
      <h2 className="sr-only">Chat</h2>
      <ConversationBar />
      <LazyTranscript />
      <RunAnnouncer />
      <Composer />
    </section>
  );
}
