import { useStudio } from "../../store/studioStore";

/** What another tab changed about this tab's work (a message that became a branch), until dismissed. */
export function TabNotice() {
  const notice = useStudio((s) => s.tabNotice);
  const dismiss = useStudio((s) => s.dismissTabNotice);
  if (!notice) return null;
  return (
    <div className="chat-tab-notice" role="status">
      <span>{notice}</span>
      <button type="button" className="secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
