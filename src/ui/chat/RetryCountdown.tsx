import { useEffect, useState } from "react";
import type { RetryingCall } from "../../store/chatTurns";
import { useStudio } from "../../store/studioStore";

/**
 * A rate-limited call waiting to be retried: who limited it, the seconds left, and a way to
 * stop waiting (the turn then ends with the rate limit's error and Retry).
 */
export function RetryCountdown({ retrying }: { retrying: RetryingCall }) {
  const now = useNow();
  const cancel = useStudio((s) => s.cancelRetryWait);
  const seconds = Math.max(0, Math.ceil((retrying.until - now) / 1000));
  const label = retrying.providerLabel;
  return (
    <p className="chat-reply chat-pending chat-retrying">
      <span>
        Rate limited by {label}: {seconds > 0 ? `retrying in ${seconds} s…` : "retrying now…"}
      </span>{" "}
      <button
        type="button"
        className="chat-tool chat-tool-strong"
        title="Stop waiting: the message fails with the rate limit, and you can retry later"
        onClick={cancel}
      >
        Cancel
      </button>
    </p>
  );
}

/** The time now, redrawn a few times a second while a countdown is on screen. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return now;
}
