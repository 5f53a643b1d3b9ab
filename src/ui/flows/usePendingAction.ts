import { useRef, useState } from "react";

/**
 * Runs one store action at a time and keeps its failure as a sentence. A second click while one
 * is pending is ignored (a double-clicked template would otherwise create two flows).
 */
export function usePendingAction() {
  const pending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const attempt = async (what: string, action: () => Promise<unknown>): Promise<boolean> => {
    if (pending.current) return false;
    pending.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  return { attempt, busy, problem, clearProblem: () => setProblem(null) };
}
