import type { ProviderDescriptor } from "../types.js";

export const googleOAuth: ProviderDescriptor = {
  id: "google",
  label: "Google",
  templateData: { envPrefix: "GOOGLE" },
  env: [
    {
      name: "GOOGLE_CLIENT_ID",
      comment: "Google OAuth client id. Sign-in with Google is on when both Google values are set.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GOOGLE_CLIENT_SECRET",
      comment: "The Google OAuth client's secret.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
  ],
};
