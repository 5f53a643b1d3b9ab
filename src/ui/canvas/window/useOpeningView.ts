import type { Viewport } from "@xyflow/react";
import { type RefObject, useLayoutEffect, useState } from "react";
import { useFlowStore } from "../../../store/flowStore";
import { fitFlowViewport } from "./fitFlow";

/** The view a canvas opens on, and the size of the pane it was fitted to. */
export interface OpeningView {
  viewport: Viewport;
  size: { width: number; height: number };
}

const sizeOf = (el: Element) => {
  const { width, height } = el.getBoundingClientRect();
  return { width, height };
};

/**
 * The view the canvas opens on: the flow's saved one, or the whole flow fitted from its
 * positions (fitFlow.ts). Measured from the canvas's host element in a layout effect, so React
 * Flow mounts once, already on that view and with the nodes it shows, in the same task as the
 * rest of the page; it used to wait a frame for its own pane measurement, fit, then draw.
 * Null while the host has no size (the canvas hidden behind the phone layout's Chat tab).
 */
export function useOpeningView(host: RefObject<HTMLElement | null>): OpeningView | null {
  const [opening, setOpening] = useState<OpeningView | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el || opening) return;
    const open = (size: OpeningView["size"]) => {
      const { viewport: saved, flow } = useFlowStore.getState();
      const viewport = saved ?? fitFlowViewport(flow?.nodes ?? [], size) ?? { x: 0, y: 0, zoom: 1 };
      setOpening({ viewport, size });
    };
    const size = sizeOf(el);
    if (size.width > 0 && size.height > 0) return open(size);
    const observer = new ResizeObserver(() => {
      const later = sizeOf(el);
      if (later.width <= 0 || later.height <= 0) return;
      observer.disconnect();
      open(later);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [host, opening]);
  return opening;
}
