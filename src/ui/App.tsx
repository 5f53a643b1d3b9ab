import { useEffect } from "react";
import { useStudio } from "../store/studioStore";
import { ChatPanel } from "./chat/ChatPanel";

export function App() {
  const status = useStudio((s) => s.status);
  const loadError = useStudio((s) => s.loadError);
  const init = useStudio((s) => s.init);

  useEffect(() => {
    void init();
  }, [init]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="logo" aria-hidden="true" />
        <h1>LLM Flow Studio</h1>
      </header>
      {status === "loading" && <p className="status">Opening your flows…</p>}
      {status === "failed" && (
        <p className="status error" role="alert">
          {loadError}
        </p>
      )}
      {status === "ready" && (
        <main className="workspace">
          <ChatPanel />
        </main>
      )}
    </div>
  );
}
