import { type KeyboardEvent, type ReactNode, useId } from "react";

export type SideTab = "node" | "chat";

const TABS: { id: SideTab; label: string }[] = [
  { id: "chat", label: "Chat" },
  { id: "node", label: "Node" },
];

/**
 * The right-hand panel: the chat and the selected node's settings, as tabs. Both stay
 * mounted, so a half-typed message survives a look at a node.
 */
export function SidePanelTabs(props: {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  node: ReactNode;
  chat: ReactNode;
}) {
  const id = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = TABS[
      (TABS.findIndex((t) => t.id === props.tab) + 1) % TABS.length
    ] as (typeof TABS)[number];
    props.onTab(next.id);
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
            aria-selected={props.tab === t.id}
            aria-controls={`${id}-${t.id}-panel`}
            tabIndex={props.tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => props.onTab(t.id)}
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
          hidden={props.tab !== t.id}
          className="tab-panel"
        >
          {t.id === "node" ? props.node : props.chat}
        </div>
      ))}
    </section>
  );
}
