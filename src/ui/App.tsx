import { lazy, Suspense, useEffect } from "react";

import { useFlowStore } from "../store/flowStore";
import { useStudio } from "../store/studioStore";
import { useUi } from "../store/uiStore";
import { CanvasProvider } from "./canvas/CanvasProvider";
import { CanvasToolbar } from "./canvas/CanvasToolbar";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { MemoryLegend } from "./canvas/MemoryLegend";
import { Palette } from "./canvas/Palette";
import { ProblemsList } from "./canvas/ProblemsList";
import { ChatPanel } from "./chat/ChatPanel";
import { PanelBoundary } from "./common/PanelBoundary";
import { useLazyModule } from "./common/useLazyModule";
import { FlowMenu } from "./flows/FlowMenu";
import { Workspace } from "./layout/Workspace";
import { SidePanelTabs } from "./SidePanelTabs";
import { SettingsButton } from "./settings/SettingsButton";
import { ThemeToggle } from "./theme/ThemeToggle";
import { useAppliedTheme } from "./theme/useAppliedTheme";

// Panels that are not on screen when the app opens load when first shown.
const RunsPanel = lazy(() => import("./runs/RunsPanel").then((m) => ({ default: m.RunsPanel })));
const MemoryPanel = lazy(() =>
  import("./memoryPanel/MemoryPanel").then((m) => ({ default: m.MemoryPanel })),
);
/** The node's settings: fetched when a node is first selected or the Node tab first opened. */
const loadInspector = () => import("./inspector/NodeInspector");
const FlowConflictDialog = lazy(() =>
  import("./tabs/FlowConflictDialog").then((m) => ({ default: m.FlowConflictDialog })),
);
const SettingsDialog = lazy(() =>
  import("./settings/SettingsDialog").then((m) => ({ default: m.SettingsDialog })),
);

export function App() {
  const status = useStudio((s) => s.status);
  const loadError = useStudio((s) => s.loadError);
  const init = useStudio((s) => s.init);
  const colorMode = useAppliedTheme();
  const setTab = useUi((s) => s.setSideTab);
  const tab = useUi((s) => s.sideTab);
  const settingsOpen = useUi((s) => s.settings.open);
  const flowConflict = useStudio((s) => s.flowConflict !== null);
  const selectedOne = useFlowStore((s) => (s.selection.length === 1 ? s.selection[0] : null));
  // Once loaded it stays mounted, like the chat, so a half-typed field survives a tab switch.
  const inspector = useLazyModule(loadInspector, tab === "node" || selectedOne !== null);

  useEffect(() => {
    void init();
  }, [init]);

  // Selecting a node opens its settings; the chat stays one click away.
  useEffect(() => {
    if (selectedOne) setTab("node");
  }, [selectedOne, setTab]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="logo" aria-hidden="true" />
        <h1>LLM Flow Studio</h1>
        {status === "ready" && <FlowMenu />}
        <span className="header-note">
          Runs in your browser: flows, chats and memory stay here.
        </span>
        {status === "ready" && <SettingsButton />}
        <ThemeToggle />
      </header>
      {status === "loading" && <p className="status">Opening your flows…</p>}
      {status === "failed" && (
        <p className="status error" role="alert">
          {loadError}
        </p>
      )}
      {status === "ready" && (
        <CanvasProvider>
          <Workspace
            sidebar={
              <aside className="sidebar" aria-label="Nodes and memory">
                <PanelBoundary name="node palette">
                  <Palette />
                  <MemoryLegend />
                  <ProblemsList />
                </PanelBoundary>
              </aside>
            }
            canvas={
              <section className="canvas-area" aria-label="Flow canvas">
                <PanelBoundary name="canvas">
                  <CanvasToolbar />
                  <FlowCanvas colorMode={colorMode} />
                </PanelBoundary>
              </section>
            }
            side={
              <SidePanelTabs
                panels={{
                  chat: (
                    <PanelBoundary name="chat">
                      <ChatPanel />
                    </PanelBoundary>
                  ),
                  node: inspector ? (
                    <PanelBoundary name="node settings">
                      <inspector.NodeInspector />
                    </PanelBoundary>
                  ) : (
                    tab === "node" && <p className="status">Loading…</p>
                  ),
                  runs: tab === "runs" && (
                    <PanelBoundary name="runs panel">
                      <Suspense fallback={<p className="status">Loading…</p>}>
                        <RunsPanel />
                      </Suspense>
                    </PanelBoundary>
                  ),
                  memory: tab === "memory" && (
                    <PanelBoundary name="memory panel">
                      <Suspense fallback={<p className="status">Loading…</p>}>
                        <MemoryPanel />
                      </Suspense>
                    </PanelBoundary>
                  ),
                }}
              />
            }
          />
          {settingsOpen && (
            <PanelBoundary name="Settings">
              <Suspense fallback={null}>
                <SettingsDialog />
              </Suspense>
            </PanelBoundary>
          )}
          {flowConflict && (
            <Suspense fallback={null}>
              <FlowConflictDialog />
            </Suspense>
          )}
        </CanvasProvider>
      )}
    </div>
  );
}
