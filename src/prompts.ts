import { CliError } from "./errors.js";
import {
  allowedValues,
  isBooleanOption,
  isListOption,
  metaOf,
  type OptionKey,
  type Options,
  optionKeys,
  optionShape,
  providerLabel,
} from "./options.js";

/** Exit code for a cancelled prompt or Ctrl-C, as a shell reports SIGINT. */
export const CANCELLED = 130;

/** Asks, in schema order, for every prompted option not given by a flag; a cancelled prompt writes nothing. */
export async function promptForMissing(given: Partial<Record<OptionKey, unknown>>): Promise<Partial<Options>> {
  const clack = await import("@clack/prompts");
  clack.intro("create-craftjs");
  const answers: Partial<Record<OptionKey, unknown>> = { ...given };
  for (const key of optionKeys) {
    const meta = metaOf(key);
    if (!meta.prompt || key in given) continue;
    if (meta.prompt.when && !meta.prompt.when(answers)) continue;
    const initial = defaultOf(key);
    const allowed = allowedValues(key);
    let answer: unknown;
    const choices = allowed?.map((value) => ({
      value,
      ...(meta.category ? providerLabel(meta.category, value) : { label: value }),
    }));
    if (choices && isListOption(key)) {
      answer = await clack.multiselect({
        message: meta.prompt.message,
        initialValues: initial as string[],
        required: false,
        options: choices,
      });
    } else if (choices) {
      answer = await clack.select({ message: meta.prompt.message, initialValue: initial, options: choices });
    } else if (isBooleanOption(key)) {
      answer = await clack.confirm({ message: meta.prompt.message, initialValue: initial as boolean });
    } else {
      answer = await clack.text({
        message: meta.prompt.message,
        placeholder: meta.prompt.placeholder,
        validate: (value) => {
          if (!value) return undefined;
          const result = optionShape[key].safeParse(value);
          return result.success ? undefined : result.error.issues[0]?.message;
        },
      });
      if (answer === "") answer = undefined;
    }
    if (clack.isCancel(answer)) {
      clack.cancel("Cancelled: nothing was written.");
      throw new CliError("Cancelled.", CANCELLED);
    }
    if (answer !== undefined) answers[key] = answer;
  }
  return answers as Partial<Options>;
}

function defaultOf(key: OptionKey): unknown {
  const result = optionShape[key].safeParse(undefined);
  return result.success ? result.data : undefined;
}
