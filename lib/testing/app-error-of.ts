import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The AppError `work` rejects with (the test fails when it resolves or throws something else). */
export async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
