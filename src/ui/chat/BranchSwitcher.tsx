import type { ChatTurn } from "../../store/chatTurns";
import { useStudioApi } from "../../store/studioStore";

interface BranchSwitcherProps {
  turnIndex: number;
  branch: NonNullable<ChatTurn["branch"]>;
  busy: boolean;
}

/** "‹ 2 / 3 ›": the versions of one message (its edits and regenerations). */
export function BranchSwitcher({ turnIndex, branch, busy }: BranchSwitcherProps) {
  const studio = useStudioApi();
  const show = (position: number) => {
    const target = branch.siblings[position];
    if (target) void studio.getState().switchBranch(turnIndex, target);
  };
  return (
    <fieldset
      className="chat-branch"
      aria-label={`Versions of message ${turnIndex + 1}: ${branch.index + 1} of ${branch.count}`}
    >
      <button
        type="button"
        className="chat-tool"
        aria-label="Previous version"
        title="Previous version of this message"
        disabled={busy || branch.index <= 0}
        onClick={() => show(branch.index - 1)}
      >
        ‹
      </button>
      <span className="chat-branch-count" aria-hidden="true">
        {branch.index + 1} / {branch.count}
      </span>
      <button
        type="button"
        className="chat-tool"
        aria-label="Next version"
        title="Next version of this message"
        disabled={busy || branch.index >= branch.count - 1}
        onClick={() => show(branch.index + 1)}
      >
        ›
      </button>
    </fieldset>
  );
}
