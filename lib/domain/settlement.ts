/**
 * How a settlement's self-pay part is paid (DOMAIN §6, §7): the person's own account until empty,
 * then the linked provider's account, then cash. Pure, so the order is tested row by row.
 */
export interface SelfPaySplit {
  ownAccountFen: bigint;
  linkedAccountFen: bigint;
  cashFen: bigint;
}

export function splitSelfPay(options: {
  selfPayFen: bigint;
  ownBalanceFen: bigint;
  linkedBalanceFen?: bigint;
}): SelfPaySplit {
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  const positive = (a: bigint) => (a > 0n ? a : 0n);
  const ownAccountFen = min(options.selfPayFen, positive(options.ownBalanceFen));
  const rest = options.selfPayFen - ownAccountFen;
  const linkedAccountFen = min(rest, positive(options.linkedBalanceFen ?? 0n));
  return { ownAccountFen, linkedAccountFen, cashFen: rest - linkedAccountFen };
}
