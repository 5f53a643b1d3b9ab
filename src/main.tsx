import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { openStudioStorage } from "./storage/studioStorage";
import { useFlowStore } from "./store/flowStore";
import { createStudioStore, StudioProvider } from "./store/studioStore";
import { App } from "./ui/App";
import { pageBrowserServices } from "./ui/browserServices";
import "./ui/styles.css";

// The one place the app meets the real browser: IndexedDB, Web Storage, page events.
const studio = createStudioStore({
  storage: (options) => openStudioStorage(options),
  // Where IndexedDB is refused: everything in memory, for this tab only (the app says so).
  memoryStorage: () => import("./storage/inMemoryStorage").then((m) => m.openMemoryStorage()),
  browser: pageBrowserServices(),
  editor: useFlowStore,
});

// Storage opens now, while React draws the first screen, not after it (App's init() is the
// same promise): the flow is read by the time the page is first drawn.
void studio.getState().init();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <StudioProvider store={studio}>
      <App />
    </StudioProvider>
  </StrictMode>,
);
