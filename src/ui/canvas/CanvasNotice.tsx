import { useEffect } from "react";
import { useFlowStore } from "../../store/flowStore";

/** Long enough to read a sentence twice; the Dismiss button is there for faster readers. */
const NOTICE_MS = 5000;

/**
 * Says why the last edit was refused (a connection that would make a cycle, say), near the
 * canvas, then goes away by itself.
 */
export function CanvasNotice() {
  const notice = useFlowStore((s) => s.notice);
  const dismiss = useFlowStore((s) => s.dismissNotice);

  useEffect(() => {
    if (!notice) return;
    // A long notice (servers a paste calls) stays long enough to be read.
    const timer = setTimeout(dismiss, Math.max(NOTICE_MS, notice.length * 60));
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  // The alert exists only while there is something to say: other panels have alerts too,
  // and an empty one would be one more for screen readers and page queries to wade through.
  if (!notice) return null;
  return (
    <div className="canvas-notice-region">
      <div className="canvas-notice" role="alert" aria-live="polite">
        <span>{notice}</span>
        <button type="button" className="secondary" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
