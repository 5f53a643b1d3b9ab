import { createContext, useContext } from "react";

/**
 * True while the canvas is zoomed out to its map level (zoomLevel.ts): every node is drawn as
 * its map label. Provided by CanvasView, which re-renders only when the level is crossed.
 */
export const MapView = createContext(false);

export const useMapView = () => useContext(MapView);
