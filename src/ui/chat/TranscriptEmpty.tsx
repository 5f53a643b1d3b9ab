/** What an empty conversation shows: a hint, in the first page (the list itself loads later). */
export function TranscriptEmpty() {
  return (
    <p className="chat-empty">
      Say something. With memory on, the model sees the earlier messages of this conversation, even
      after a reload.
    </p>
  );
}
