/** The env that points the app's OpenAI provider at the browser tests' fake model (e2e/support/fake-model.mjs). */
export function fakeModelEnv(origin: string): Record<string, string> {
  return { OPENAI_BASE_URL: `${origin}/v1`, OPENAI_API_KEY: "fake-model-key" };
}
