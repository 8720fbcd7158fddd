import { expect, test } from "vitest";
import { splitSelfPay } from "./settlement";

test.each([
  { label: "own account covers it all", selfPay: 5_000n, own: 10_000n, linked: 0n, want: [5_000n, 0n, 0n] },
  { label: "own account exactly empties", selfPay: 10_000n, own: 10_000n, linked: 50_000n, want: [10_000n, 0n, 0n] },
  { label: "own first, then the linked provider", selfPay: 15_000n, own: 10_000n, linked: 50_000n, want: [10_000n, 5_000n, 0n] },
  { label: "own, linked, then cash", selfPay: 80_000n, own: 10_000n, linked: 50_000n, want: [10_000n, 50_000n, 20_000n] },
  { label: "no account at all: all cash", selfPay: 3_000n, own: 0n, linked: 0n, want: [0n, 0n, 3_000n] },
  { label: "nothing to pay", selfPay: 0n, own: 10_000n, linked: 0n, want: [0n, 0n, 0n] },
])("$label", ({ selfPay, own, linked, want }) => {
  const s = splitSelfPay({ selfPayFen: selfPay, ownBalanceFen: own, linkedBalanceFen: linked });
  expect([s.ownAccountFen, s.linkedAccountFen, s.cashFen]).toEqual(want);
});
