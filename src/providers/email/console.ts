import type { ItemDescriptor } from "../types.js";
import { outboxReadme } from "./outbox.js";

/** `--email console` (the default): nothing leaves the machine; every message goes to the development outbox. */
export const consoleEmail: ItemDescriptor<"console"> = {
  id: "console",
  label: "Console",
  hint: "development: each message is logged with its link and saved in ./data/mail; nothing is sent",
  templates: "email/console",
  readme: [
    outboxReadme,
    {
      title: "Where email goes",
      body:
        "Nowhere yet: every message goes to the development outbox above, in production too (with a warning in the\n" +
        "log), so nobody receives a reset link. `npx create-craftjs add email resend` (or `smtp`) sends them for real.",
    },
  ],
  nextSteps: [
    "Email is logged and saved in data/mail, not sent: npx create-craftjs add email resend (or smtp) to send it",
  ],
};
