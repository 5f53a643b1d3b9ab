import type { FlowProblem } from "./flowProblem";

/** Thrown before anything runs when the flow cannot run; `problems` name the nodes. */
export class FlowValidationError extends Error {
  override readonly name = "FlowValidationError";
  constructor(readonly problems: FlowProblem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(
      errors.length === 1
        ? `The flow cannot run: ${errors[0]?.message}`
        : `The flow cannot run (${errors.length} problems): ${errors.map((p) => p.message).join(" ")}`,
    );
  }
}
