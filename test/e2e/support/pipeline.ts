import { it } from "vitest";

/**
 * CRAFTJS_E2E_ONLY=<regular expression>: runs only the steps whose titles match it (and "starts"), to iterate on a
 * few steps against an app a previous run kept (CRAFTJS_E2E_APP), built already. Never set in CI.
 */
/** How many of a pipeline's slowest steps its summary names again at its end. */
const SLOWEST_SHOWN = 5;

const ONLY = process.env.CRAFTJS_E2E_ONLY ? new RegExp(`${process.env.CRAFTJS_E2E_ONLY}|^starts`) : undefined;

/**
 * Steps that depend on each other: each is a test, timed; after one fails the rest are skipped (saying which
 * step failed) instead of failing again for the same reason.
 */
export class Pipeline {
  /** The title of the step that failed, if one did. */
  failed: string | undefined;
  readonly timings: { step: string; seconds: number }[] = [];

  constructor(readonly name: string) {}

  step(title: string, body: () => Promise<void>, timeoutMs?: number): void {
    // Sequential even where the suite around it runs concurrently: each step builds on the one before.
    it(title, { concurrent: false, timeout: timeoutMs }, async (context) => {
      if (this.failed) context.skip(`skipped: "${this.failed}" failed`);
      if (ONLY && !ONLY.test(title)) context.skip("not chosen by CRAFTJS_E2E_ONLY");
      const started = performance.now();
      try {
        await body();
      } catch (error) {
        this.failed = title;
        throw error;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        this.timings.push({ step: title, seconds });
        console.log(`[e2e ${this.name}] ${title}: ${seconds.toFixed(1)} s`);
      }
    });
  }

  /** Every step's time in order, the total, then the slowest steps: where a shorter run would come from. */
  summary(): string {
    const total = this.timings.reduce((sum, timing) => sum + timing.seconds, 0);
    const line = (timing: { step: string; seconds: number }) => `  ${timing.seconds.toFixed(1).padStart(7)} s  ${timing.step}`;
    const slowest = [...this.timings].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST_SHOWN);
    return [
      `[e2e ${this.name}] timings`,
      ...this.timings.map(line),
      `  ${total.toFixed(1).padStart(7)} s  total`,
      `[e2e ${this.name}] slowest steps`,
      ...slowest.map(line),
    ].join("\n");
  }
}
