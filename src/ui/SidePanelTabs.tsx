import { type KeyboardEvent, type ReactNode, useId } from "react";

import { type SideTab, useUi } from "../store/uiStore";

const TABS: { id: SideTab; label: string }[] = [
  { id: "chat", label: "Chat" },
  { id: "node", label: "Node" },
  { id: "runs", label: "Runs" },
  { id: "memory", label: "Memory" },
];

/**
 * The right-hand panel: the chat and the selected node's settings, as tabs. Both stay
 * mounted, so a half-typed message survives a look at a node.
 */
export function SidePanelTabs(props: { panels: Record<SideTab, ReactNode> }) {
  const id = useId();
  const tab = useUi((s) => s.sideTab);
  const setTab = useUi((s) => s.setSideTab);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const step = event.key === "ArrowRight" ? 1 : TABS.length - 1;
    const next = TABS[
      (TABS.findIndex((t) => t.id === tab) + step) % TABS.length
    ] as (typeof TABS)[number];
    setTab(next.id);
    document.getElementById(`${id}-${next.id}-tab`)?.focus();
  };
  return (
    <section className="side-panel">
      <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${id}-${t.id}-panel`}
          aria-labelledby={`${id}-${t.id}-tab`}
          hidden={tab !== t.id}
          className="tab-panel"
        >
          {props.panels[t.id]}
        </div>
      ))}
    </section>
  );
}
