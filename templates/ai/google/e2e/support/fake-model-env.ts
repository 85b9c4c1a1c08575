/** The env that points the app's Gemini provider at the browser tests' fake model (e2e/support/fake-model.mjs). */
export function fakeModelEnv(origin: string): Record<string, string> {
  return { GOOGLE_GENERATIVE_AI_BASE_URL: `${origin}/v1beta`, GOOGLE_GENERATIVE_AI_API_KEY: "fake-model-key" };
}
