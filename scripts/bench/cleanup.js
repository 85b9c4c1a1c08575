// Cleanup that always runs, however the bench ends.
/**
 * What must be undone however the bench ends: servers to stop, folders to remove. Runs last-in first-out, once,
 * from `finally` or on Ctrl-C / SIGTERM.
 */
export class Cleanup {
  #tasks = [];
  #ran = false;

  constructor() {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, async () => {
        console.error(`\n${signal}: cleaning up…`);
        await this.run();
        process.exit(130);
      });
    }
  }

  add(task) {
    this.#tasks.push(task);
  }

  async run() {
    if (this.#ran) return;
    this.#ran = true;
    for (const task of this.#tasks.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error(`cleanup failed: ${error.message}`);
      }
    }
  }
}
