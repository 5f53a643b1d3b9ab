import type { Size } from "./canvasNodes";

/**
 * A node's size before React Flow has measured it (canvas.css gives nodes about this size).
 * Its own module, not autoLayout's: the palette and focusing need it on the first page, and
 * importing it from autoLayout would bring dagre along, which loads on the first auto-layout.
 */
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 90 };
