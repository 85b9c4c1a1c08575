import { Field } from "@/components/ui/input";

/** Better Auth's default minimum; the server refuses shorter passwords with its own message anyway. */
const MIN_PASSWORD_LENGTH = 8;

/** A field for choosing a password, which the browser's password manager may fill with a generated one. */
export function NewPasswordField({ label, name }: { label: string; name: string }) {
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      minLength={MIN_PASSWORD_LENGTH}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      required
    />
  );
}
