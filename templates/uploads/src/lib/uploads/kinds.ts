import { uploads } from "@/config/uploads";

/** The kinds of file accepted, as people name them: "PNG image, JPEG image, …, JSON file". */
export function acceptedKinds(): string {
  return Object.values(uploads.allowedTypes).join(", ");
}
