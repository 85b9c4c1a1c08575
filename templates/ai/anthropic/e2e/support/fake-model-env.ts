/** The env that points the app's Anthropic provider at the browser tests' fake model (e2e/support/fake-model.mjs). */
export function fakeModelEnv(origin: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: `${origin}/v1`, ANTHROPIC_API_KEY: "fake-model-key" };
}
