import { writeToOutbox } from "./outbox";
import type { EmailTransport } from "./types";

let warnedInProduction = false;

/** `--email console`: every message goes to the development outbox (the log and data/mail); nothing is sent. */
export const transport: EmailTransport = {
  name: "console",
  async deliver(message) {
    if (process.env.NODE_ENV === "production" && !warnedInProduction) {
      warnedInProduction = true;
      console.warn("[email] This app sends no email (--email console): messages only go to the log and data/mail.");
    }
    await writeToOutbox(message);
  },
};
