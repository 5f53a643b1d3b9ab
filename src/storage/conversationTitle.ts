const MAX_TITLE_LENGTH = 40;

/** A conversation's default title: its first input on one line, cut to fit a sidebar row. */
export function conversationTitle(input: string): string {
  const oneLine = input.replace(/\s+/g, " ").trim();
  if (oneLine === "") return "New conversation";
  // Array.from counts code points, so an emoji is never cut in half.
  const chars = Array.from(oneLine);
  if (chars.length <= MAX_TITLE_LENGTH) return oneLine;
  return `${chars
    .slice(0, MAX_TITLE_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}
