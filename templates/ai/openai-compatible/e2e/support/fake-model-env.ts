/**
 * The env that points the app's OpenAI-compatible provider at the browser tests' fake model
 * (e2e/support/fake-model.mjs). The fake answers with any model id, so the models OPENAI_COMPATIBLE_MODELS lists stay.
 */
export function fakeModelEnv(origin: string): Record<string, string> {
  return { OPENAI_COMPATIBLE_BASE_URL: `${origin}/v1`, OPENAI_COMPATIBLE_API_KEY: "fake-model-key" };
}
