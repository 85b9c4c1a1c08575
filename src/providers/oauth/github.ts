import { oauthProvider } from "./provider.js";

export const github = oauthProvider("github", "GitHub", "GITHUB", "an OAuth app in GitHub's developer settings");
