import pc from "picocolors";

/** How the CLI talks while it works: a spinner on a terminal, plain lines elsewhere, only stderr under --json. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  task<T>(title: string, run: () => Promise<T>): Promise<T>;
}

export function createReporter({ spinner, json }: { spinner: boolean; json: boolean }): Reporter {
  const out = json ? process.stderr : process.stdout;
  const write = (line: string) => out.write(`${line}\n`);
  return {
    info: (message) => write(message),
    warn: (message) => write(pc.yellow(`! ${message}`)),
    async task(title, run) {
      const started = performance.now();
      const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
      if (spinner) {
        const { spinner: createSpinner } = await import("@clack/prompts");
        const indicator = createSpinner();
        indicator.start(title);
        try {
          const result = await run();
          indicator.stop(`${title} ${pc.dim(elapsed())}`);
          return result;
        } catch (error) {
          indicator.error(`${title} failed`);
          throw error;
        }
      }
      write(`${pc.cyan("◇")} ${title}…`);
      try {
        const result = await run();
        write(`${pc.green("✔")} ${title} ${pc.dim(elapsed())}`);
        return result;
      } catch (error) {
        write(`${pc.red("✖")} ${title} failed ${pc.dim(elapsed())}`);
        throw error;
      }
    },
  };
}
