import { expect, test } from "vitest";
import { WindowLimiter } from "./rate-limit";

test.each([
  { label: "the first attempts within the limit pass", attempts: [0, 1, 2], want: [true, true, true] },
  { label: "the attempt after the limit is refused", attempts: [0, 1, 2, 3], want: [true, true, true, false] },
  { label: "a new window starts afresh", attempts: [0, 1, 2, 3, 60_000], want: [true, true, true, false, true] },
  { label: "the window is counted from its first attempt", attempts: [0, 59_999, 59_999, 59_999, 60_000], want: [true, true, true, false, true] },
])("WindowLimiter (3 a minute): $label", ({ attempts, want }) => {
  const limiter = new WindowLimiter(3, 60_000);
  expect(attempts.map((t) => limiter.take("1.2.3.4", t))).toEqual(want);
});

test("keys are counted apart, and the oldest key is forgotten when full", () => {
  const limiter = new WindowLimiter(1, 60_000, 2);
  expect(limiter.take("a", 0)).toBe(true);
  expect(limiter.take("a", 1)).toBe(false);
  expect(limiter.take("b", 2)).toBe(true);
  expect(limiter.take("c", 3)).toBe(true);
  expect(limiter.take("a", 4)).toBe(true);
});
