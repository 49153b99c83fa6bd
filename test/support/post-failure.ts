import { expect } from "vitest";
import { PostError } from "../../src/daily/poster.js";

/** The PostError a poster's call rejects with; fails the test when it resolves or throws anything else. */
export async function postFailure(post: Promise<unknown>): Promise<PostError> {
  const error = await post.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PostError);
  return error as PostError;
}
