/** Up to two letters for an avatar: the first and last words of the name ("Ada Lovelace": AL), else the email's first. */
export function initialsOf({ name, email }: { name: string; email: string }): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.length === 1 ? [words[0]!] : [email];
  return letters.map((word) => Array.from(word)[0]!.toLocaleUpperCase()).join("");
}
