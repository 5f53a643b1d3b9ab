interface ProblemMarkerProps {
  severity: "error" | "warning" | null;
  /** Every message, one per line. */
  text: string;
}

/** A red (error) or amber (warning) mark whose name and tooltip say what is wrong. */
export function ProblemMarker({ severity, text }: ProblemMarkerProps) {
  if (!severity) return null;
  const word = severity === "error" ? "Error" : "Warning";
  return (
    <span
      className={`node-problem node-problem-${severity}`}
      role="img"
      aria-label={`${word}: ${text.replaceAll("\n", " ")}`}
      title={text}
    >
      !
    </span>
  );
}
