import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

const LABELS: Record<CopyState, string> = {
  idle: "Copy code",
  copied: "Copied",
  failed: "Copy failed",
};

/** How long "Copied" stays before the button offers to copy again. */
const RESET_MS = 2000;

/** Copies one code block; says so on the button, which is where the user is looking. */
export function CopyCodeButton({ code }: { code: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // Missing outside secure contexts (a plain-http LAN address): reported, not thrown.
      if (!navigator.clipboard) throw new Error("No clipboard");
      await navigator.clipboard.writeText(code);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <button type="button" className="chat-copy" onClick={() => void copy()}>
      {/* The live part only: a screen reader hears "Copied" without the button re-announced. */}
      <span aria-live="polite">{LABELS[state]}</span>
    </button>
  );
}
