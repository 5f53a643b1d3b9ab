import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";

/** Closer than this to the bottom counts as "at the bottom" (sub-pixel sizes, a last line). */
const NEAR_BOTTOM_PX = 32;

interface StickToBottom {
  /** False once the user has scrolled up: the view stays where they put it. */
  pinned: boolean;
  onScroll(): void;
  scrollToLatest(): void;
}

/**
 * Keeps a scroll container at its bottom while content grows (a reply streaming, turns being
 * measured), unless the user scrolled up to read. `restick` values re-pin when they change:
 * another conversation, a new message sent.
 */
export function useStickToBottom(
  ref: RefObject<HTMLElement | null>,
  restick: readonly unknown[],
): StickToBottom {
  const pinnedRef = useRef(true);
  const lastTop = useRef(0);
  const [pinned, setPinnedState] = useState(true);

  const setPinned = useCallback((value: boolean) => {
    pinnedRef.current = value;
    setPinnedState(value);
  }, []);

  const toBottom = useCallback(() => {
    const el = ref.current;
    // A hidden tab has no height: scrolling it means nothing, and it is redone once shown.
    if (!el || el.clientHeight === 0) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight > 1) el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
  }, [ref]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's values are the trigger.
  useLayoutEffect(() => setPinned(true), restick);

  // After every render of the list: a token arrived, or the virtualizer measured a turn.
  useLayoutEffect(() => {
    if (pinnedRef.current) toBottom();
  });

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el || el.clientHeight === 0) return;
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    // Growth below never moves scrollTop; only a scroll up (by the user) unpins. The virtualizer
    // correcting a measured turn above keeps the distance, so it is not taken for one.
    if (distance <= NEAR_BOTTOM_PX) setPinned(true);
    else if (el.scrollTop < lastTop.current) setPinned(false);
    lastTop.current = el.scrollTop;
  }, [ref, setPinned]);

  const scrollToLatest = useCallback(() => {
    setPinned(true);
    toBottom();
  }, [setPinned, toBottom]);

  return { pinned, onScroll, scrollToLatest };
}
