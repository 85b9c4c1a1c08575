import { oauthProvider } from "./provider.js";

export const googleOAuth = oauthProvider("google", "Google", "GOOGLE", "an OAuth client in Google Cloud's credentials");
