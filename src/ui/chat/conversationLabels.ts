import type { ConversationRecord } from "../../store/studioStore";

type Listed = Pick<ConversationRecord, "title" | "updatedAt">;

/** When a conversation was last active: a time today, a date before (the year if not this one). */
function stampOf(updatedAt: number, now: Date): string {
  const when = new Date(updatedAt);
  if (when.toDateString() === now.toDateString()) {
    return when.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  }
  return when.toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(when.getFullYear() !== now.getFullYear() && { year: "numeric" }),
  });
}

/**
 * The switcher's labels, in the order given. A title is shown as it is; titles that repeat
 * ("New conversation", the same first question asked twice) get when they were last active,
 * so the user can tell them apart.
 */
export function conversationLabels(conversations: readonly Listed[], now = new Date()): string[] {
  const counts = new Map<string, number>();
  for (const c of conversations) counts.set(c.title, (counts.get(c.title) ?? 0) + 1);
  return conversations.map((c) =>
    (counts.get(c.title) ?? 0) > 1 ? `${c.title} · ${stampOf(c.updatedAt, now)}` : c.title,
  );
}
