import { it } from "vitest";

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

  summary(): string {
    const total = this.timings.reduce((sum, timing) => sum + timing.seconds, 0);
    const lines = this.timings.map((timing) => `  ${timing.seconds.toFixed(1).padStart(7)} s  ${timing.step}`);
    return `[e2e ${this.name}] timings\n${lines.join("\n")}\n  ${total.toFixed(1).padStart(7)} s  total`;
  }
}
