/**
 * What the app tells the model before every chat. It is the app's alone: clients send only their own (user)
 * messages, so no request can replace or extend it.
 */
export const chatConfig = {
  systemPrompt: "You are a helpful assistant. Answer clearly and concisely, and say so when you do not know something.",
};
