import path from "node:path";
import { emitKeypressEvents } from "node:readline";
import { CliError } from "./errors.js";
import {
  allowedValues,
  type Answers,
  isBooleanOption,
  isListOption,
  metaOf,
  type OptionKey,
  type Options,
  optionKeys,
  optionShape,
  type OptionPrompt,
  providerLabel,
} from "./options.js";
import { findExecutable } from "./preflight.js";
import { assertValidValues } from "./resolve.js";
import { inspectTarget } from "./write.js";

/** Exit code for a cancelled prompt or Ctrl-C, as a shell reports SIGINT. */
export const CANCELLED = 130;

type Clack = typeof import("@clack/prompts");

/** One interactive run: the answers so far (flags included) and which options need no more asking. */
interface Interview {
  clack: Clack;
  answers: Answers;
  /** Given by a flag or answered: asked again only when the user picks it to change. */
  settled: Set<OptionKey>;
  /** Whether the user said yes to "Customize more?", which brings in the advanced options. */
  customizing: boolean;
  /** --force: a non-empty directory is accepted. */
  force: boolean;
  /** The questions asked so far, in order, for Escape to go back through: options and the two gates. */
  steps: (OptionKey | "recommended" | "customize")[];
}

/**
 * Interactive mode. Refuses a wrong flag first, as without prompts. Asks where the app goes, then whether to use the
 * recommended setup: Enter takes every default no flag changed and creates the app. Otherwise it asks, in schema
 * order, for every option no flag gave, the advanced ones only after a yes to "Customize more?"; then shows every
 * choice at once and asks to create the app, change an answer (which re-asks it and whatever it makes relevant), or
 * cancel. Escape goes back one question. Cancelling, there or with Ctrl-C at any prompt, writes nothing.
 */
export async function promptForMissing(given: Partial<Record<OptionKey, unknown>>): Promise<Partial<Options>> {
  assertValidValues(given);
  const clack = await import("@clack/prompts");
  clack.intro("create-craftjs");
  const interview: Interview = {
    clack,
    answers: { ...given },
    settled: new Set(Object.keys(given) as OptionKey[]),
    customizing: false,
    force: given.force === true,
    steps: [],
  };
  const stopWatching = watchEscape();
  try {
    for (;;) {
      try {
        return await interviewFrom(interview, given.dryRun === true);
      } catch (error) {
        if (!(error instanceof GoBack)) throw error;
        stepBack(interview);
      }
    }
  } finally {
    stopWatching();
  }
}

/**
 * The questions from wherever the interview stands: a question already answered is passed over, so after Escape
 * (which unsettles the step before) this picks up at that step.
 */
async function interviewFrom(interview: Interview, dryRun: boolean): Promise<Partial<Options>> {
  const { clack, answers } = interview;
  if (isPending(interview, "directory", { advanced: false })) await step(interview, "directory");
  if (!interview.steps.includes("recommended") && (await takesRecommended(interview, dryRun))) {
    while (!(await goesAhead(interview)));
    return answers as Partial<Options>;
  }
  await askPending(interview);
  const advanced = optionKeys.filter(
    (key) => metaOf(key).prompt?.advanced && isPending(interview, key, { advanced: true }),
  );
  if (advanced.length > 0 && !interview.steps.includes("customize")) {
    const labels = advanced.map((key) => inSentence(promptOf(key).label)).join(", ");
    const customize = await clack.confirm({ message: `Customize more (${labels})?`, initialValue: false });
    interview.customizing = answered(clack, customize);
    interview.steps.push("customize");
  }
  await askPending(interview);
  for (;;) {
    clack.note(summary(answers), "Your app");
    const next = answered(
      clack,
      await clack.select({
        message: dryRun ? "Plan the app with these choices?" : "Create the app with these choices?",
        options: [
          { value: "create", label: dryRun ? "Show the plan (--dry-run: nothing is written)" : "Create it" },
          { value: "change", label: "Change an answer" },
          { value: "cancel", label: "Cancel" },
        ],
      }),
    );
    if (next === "create" && (await goesAhead(interview))) return answers as Partial<Options>;
    if (next === "create") continue;
    if (next === "cancel") cancelled(clack);
    try {
      await changeAnswer(interview);
    } catch (error) {
      // Escape while changing an answer returns to the summary, the change not made.
      if (!(error instanceof GoBack)) throw error;
    }
  }
}

/**
 * "Use the recommended setup?", when a main choice is still open: yes takes the defaults of everything no flag gave
 * (shown as the answer's hint, and in the summary after) and goes ahead; Customize asks them one by one.
 */
async function takesRecommended(interview: Interview, dryRun: boolean): Promise<boolean> {
  const { clack, answers } = interview;
  const open = promptedKeys(answers).filter((key) => !interview.settled.has(key) && !promptOf(key).advanced);
  if (open.length === 0) return false;
  const recommended = answered(
    clack,
    await clack.select({
      message: "Use the recommended setup?",
      options: [
        {
          value: true,
          label: dryRun ? "Yes, show the plan (--dry-run: nothing is written)" : "Yes, create it",
          hint: open.map((key) => describeValue(key, answers)).join(", "),
        },
        { value: false, label: "Customize" },
      ],
    }),
  );
  interview.steps.push("recommended");
  if (recommended) clack.note(summary(answers), "Your app");
  return recommended;
}

/**
 * Whether the answers can go ahead: an install needs its package manager on the PATH. When it is missing, says so and
 * asks the package manager again (and, if that one is missing too, whether to install now), here, rather than
 * refusing once every question has been answered.
 */
async function goesAhead(interview: Interview): Promise<boolean> {
  const { clack, answers } = interview;
  const packageManager = String(currentValue("packageManager", answers));
  if (currentValue("install", answers) !== true || (await findExecutable(packageManager))) return true;
  clack.log.warn(`${packageManager} is not installed here: pick another package manager, or install later.`);
  await ask(interview, "packageManager");
  if (!(await findExecutable(String(currentValue("packageManager", answers))))) await ask(interview, "install");
  return false;
}

/** Lets the user pick one option, re-asks it, drops the answers it made irrelevant and asks what it made relevant. */
async function changeAnswer(interview: Interview): Promise<void> {
  const { clack, answers } = interview;
  const key = answered(
    clack,
    await clack.select({
      message: "Which answer?",
      options: promptedKeys(answers).map((option) => ({
        value: option,
        label: promptOf(option).label,
        hint: describeValue(option, answers),
      })),
    }),
  );
  await ask(interview, key);
  for (const option of optionKeys) {
    if (metaOf(option).prompt && !isRelevant(option, answers)) {
      delete answers[option];
      interview.settled.delete(option);
    }
  }
  await askPending(interview);
}

/** Asks every relevant option that is not settled, in schema order; the advanced ones only when customizing. */
async function askPending(interview: Interview): Promise<void> {
  for (;;) {
    const key = optionKeys.find((option) => isPending(interview, option, { advanced: interview.customizing }));
    if (key === undefined) return;
    await step(interview, key);
  }
}

/** Asks one option as a step of the interview, the one Escape on the next question returns to. */
async function step(interview: Interview, key: OptionKey): Promise<void> {
  await ask(interview, key);
  interview.steps.push(key);
}

/**
 * Escape: undoes the last step, so the interview asks it again (its answer preselected). On the first question there
 * is no step before; it is asked again.
 */
function stepBack(interview: Interview): void {
  const last = interview.steps.pop();
  if (last === "customize") interview.customizing = false;
  else if (last !== undefined && last !== "recommended") interview.settled.delete(last);
}

/** Relevant, not settled, and in scope: the advanced options are in it only when asked for. */
function isPending(interview: Interview, key: OptionKey, { advanced }: { advanced: boolean }): boolean {
  const prompt = metaOf(key).prompt;
  if (!prompt || interview.settled.has(key) || !isRelevant(key, interview.answers)) return false;
  return advanced || !prompt.advanced;
}

/** The options interactive mode can ask for that are relevant to these answers, in schema order. */
function promptedKeys(answers: Answers): OptionKey[] {
  return optionKeys.filter((key) => metaOf(key).prompt && isRelevant(key, answers));
}

function promptOf(key: OptionKey): OptionPrompt {
  return metaOf(key).prompt!;
}

function isRelevant(key: OptionKey, answers: Answers): boolean {
  const meta = metaOf(key);
  if (meta.onlyWith && currentValue(meta.onlyWith.option as OptionKey, answers) !== meta.onlyWith.value) return false;
  return meta.prompt?.when?.(answers) ?? true;
}

/** Asks for one option, starting from its current value, and records the answer. */
async function ask(interview: Interview, key: OptionKey): Promise<void> {
  const { clack, answers } = interview;
  const meta = metaOf(key);
  const { message } = promptOf(key);
  const current = currentValue(key, answers);
  const allowed = allowedValues(key);
  const missing = key === "packageManager" ? await missingExecutables(allowed ?? []) : new Set<string>();
  const options = allowed?.map((value) => ({
    value,
    ...(meta.category ? providerLabel(meta.category, value) : { label: value }),
    ...(missing.has(value) ? { hint: "not installed" } : {}),
  }));
  if (options && isListOption(key)) {
    answers[key] = answered(
      clack,
      await clack.multiselect({ message, initialValues: current as string[], required: false, options }),
    );
  } else if (options) {
    answers[key] = answered(clack, await clack.select({ message, initialValue: current as string, options }));
  } else if (isBooleanOption(key)) {
    answers[key] = answered(clack, await clack.confirm({ message, initialValue: current as boolean }));
  } else {
    await askText(interview, key);
  }
  interview.settled.add(key);
}

/**
 * A text answer: every problem with it at once, the suggestion taken on an empty answer (and shown as the answer),
 * and for the directory, a non-empty one refused unless --force.
 */
async function askText(interview: Interview, key: OptionKey): Promise<void> {
  const { clack, answers } = interview;
  const { message, suggestion: suggest } = promptOf(key);
  const suggestion = suggest?.(answers);
  for (;;) {
    const text = answered(
      clack,
      await clack.text({
        message,
        placeholder: suggestion,
        defaultValue: suggestion,
        initialValue: answers[key] === undefined ? undefined : asText(currentValue(key, answers)),
        validate: (value) => (value ? problemsWith(key, value).join("; ") || undefined : undefined),
      }),
    );
    if (!text || text === suggestion) delete answers[key];
    else answers[key] = optionShape[key].parse(text);
    if (key !== "directory") return;
    const problem = await targetProblem(String(currentValue(key, answers)), interview.force);
    if (!problem) return;
    clack.log.warn(problem);
  }
}

/** Which of these commands are not on the PATH: the package managers an install could not start. */
async function missingExecutables(commands: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(commands.map(async (command) => [command, await findExecutable(command)] as const));
  return new Set(found.filter(([, path]) => !path).map(([command]) => command));
}

/** Every problem the option's schema finds with a value, without repeats. */
function problemsWith(key: OptionKey, value: string): string[] {
  const result = optionShape[key].safeParse(value);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.message))];
}

/** Why create would refuse this directory (not empty, or not a folder), asked before the other questions. */
async function targetProblem(directory: string, force: boolean): Promise<string | undefined> {
  try {
    const { conflicts } = await inspectTarget(path.resolve(directory));
    if (conflicts.length === 0 || force) return undefined;
    const shown = conflicts.slice(0, 3).join(", ") + (conflicts.length > 3 ? `, and ${conflicts.length - 3} more` : "");
    return `${directory} is not empty (${shown}). Choose another directory, or pass --force to write into it.`;
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
}

/** Every relevant option and its value, one a line, labels aligned. */
function summary(answers: Answers): string {
  const rows = promptedKeys(answers).map((key) => [promptOf(key).label, describeValue(key, answers)] as const);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
}

/** An option's value as the summary shows it: provider labels, yes or no, lists joined, `none` for an empty list. */
function describeValue(key: OptionKey, answers: Answers): string {
  const value = currentValue(key, answers);
  const category = metaOf(key).category;
  const label = (id: unknown) => (category ? providerLabel(category, String(id)).label : String(id));
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length > 0 ? value.map(label).join(", ") : "none";
  return label(value);
}

/**
 * The value an option will have: the answer or flag as the schema reads it (both are valid by now), else its default
 * or suggestion.
 */
function currentValue(key: OptionKey, answers: Answers): unknown {
  const schema = optionShape[key];
  if (answers[key] !== undefined) return schema.parse(answers[key]);
  const fallback = schema.safeParse(undefined);
  if (fallback.success && fallback.data !== undefined) return fallback.data;
  const suggestion = metaOf(key).prompt?.suggestion?.(answers);
  return suggestion === undefined ? undefined : schema.parse(suggestion);
}

/** A label inside a sentence: "Rate limits" becomes "rate limits", "API keys" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function asText(value: unknown): string {
  return Array.isArray(value) ? (value.length > 0 ? value.join(",") : "none") : String(value);
}

/** Thrown by a prompt left with Escape: the interview goes back one step. */
class GoBack extends Error {}

/** The last key pressed on the terminal, to tell Escape (back) from Ctrl-C (cancel): clack reports both as a cancel. */
let lastKey: string | undefined;

function watchEscape(): () => void {
  if (!process.stdin.isTTY) return () => {};
  emitKeypressEvents(process.stdin);
  const track = (_text: string, key?: { name?: string }) => {
    lastKey = key?.name;
  };
  process.stdin.on("keypress", track);
  return () => process.stdin.off("keypress", track);
}

/** The value of a finished prompt. Escape goes back a step; Ctrl-C ends the run with nothing written. */
function answered<Value>(clack: Clack, value: Value): Exclude<Value, symbol> {
  if (clack.isCancel(value)) {
    if (lastKey === "escape") throw new GoBack();
    cancelled(clack);
  }
  return value as Exclude<Value, symbol>;
}

function cancelled(clack: Clack): never {
  clack.cancel("Cancelled: nothing was written.");
  throw new CliError("Cancelled.", CANCELLED);
}
