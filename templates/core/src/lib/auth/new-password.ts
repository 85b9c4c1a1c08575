import { revokedWithPassword } from "./revoked-with-password";

/** The credentials a new password revokes besides sessions, in words ("your API keys"); empty when there are none. */
const otherCredentials = inWords(revokedWithPassword.map((what) => `your ${what}`));

/** What setting a new password with the mailed link does, in a sentence for its page and its mail. */
export const resetRevokes = `A new password signs you out on every device${otherCredentials && ` and revokes ${otherCredentials}`}.`;

/** The choice that goes with changing the password: signing out everywhere else, and what else that revokes. */
export const changeRevokesLabel = `Sign out of all other devices${otherCredentials && ` and revoke ${otherCredentials}`}`;

/** "a", "a and b", "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
