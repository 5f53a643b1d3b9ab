import { measureElement, type Virtualizer } from "@tanstack/react-virtual";

/**
 * The virtualizer's own measurement, except that a zero height is not believed: the chat tab is
 * display:none while another tab is open, and every turn would otherwise be measured at 0 and
 * the whole transcript rendered at once. Keeps what was known (or the estimate) instead.
 */
export function measureVisible(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) return size;
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  );
}
