import { expect } from "vitest";
import { ApiError } from "@/lib/api/errors";

/** The ApiError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function apiErrorFrom(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
