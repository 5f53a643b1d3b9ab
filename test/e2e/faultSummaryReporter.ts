import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * Prints how the fault scenarios fared (every spec under test/e2e/faults/, one scenario per
 * test): "N fault scenarios, N passed". The list reporter still shows each one.
 */
export default class FaultSummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, boolean>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!/[\\/]faults[\\/]/.test(test.location.file)) return;
    // A retried test counts once, by its last result.
    this.outcomes.set(test.id, result.status === "passed");
  }

  onEnd(): void {
    if (this.outcomes.size === 0) return;
    const passed = [...this.outcomes.values()].filter(Boolean).length;
    console.log(`${this.outcomes.size} fault scenarios, ${passed} passed`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
