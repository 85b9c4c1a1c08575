import type { ProviderDescriptor } from "../types.js";

export const github: ProviderDescriptor = {
  id: "github",
  label: "GitHub",
  templateData: { envPrefix: "GITHUB" },
  env: [
    {
      name: "GITHUB_CLIENT_ID",
      comment: "GitHub OAuth app client id. Sign-in with GitHub is on when both GitHub values are set.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GITHUB_CLIENT_SECRET",
      comment: "The GitHub OAuth app's client secret.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
  ],
};
