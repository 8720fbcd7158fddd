/**
 * Double-entry rules of the ledger (DOMAIN §4), free of I/O so they can be table-tested:
 * a journal balances to zero, and a personal account never goes below zero.
 */
import { DomainError } from "./errors";

export type AccountKindName =
  | "PERSONAL"
  | "POOLED_FUND"
  | "MUTUAL_AID"
  | "LONG_TERM_CARE"
  | "CLEARING_COLLECTION"
  | "CLEARING_INSTITUTION"
  | "CASH";

export interface JournalLineAmount {
  accountId: number;
  amountFen: bigint;
}

export interface AccountState {
  kind: AccountKindName;
  balanceFen: bigint;
}

/** Personal accounts hold the insured person's money; only they have a floor (DOMAIN §4). */
export function mayGoNegative(kind: AccountKindName): boolean {
  return kind !== "PERSONAL";
}

export function assertBalancedJournal(lines: readonly JournalLineAmount[]): void {
  if (lines.length < 2) {
    throw new DomainError("UNBALANCED_JOURNAL", "记账凭证至少需要两条分录");
  }
  let sum = 0n;
  for (const line of lines) {
    if (typeof line.amountFen !== "bigint") {
      throw new DomainError("UNBALANCED_JOURNAL", "分录金额必须是以分为单位的整数");
    }
    if (line.amountFen === 0n) {
      throw new DomainError("UNBALANCED_JOURNAL", "分录金额不能为零");
    }
    sum += line.amountFen;
  }
  if (sum !== 0n) {
    throw new DomainError("UNBALANCED_JOURNAL", `记账凭证借贷不平衡(差额 ${sum} 分)`, {
      details: { differenceFen: sum.toString() },
    });
  }
}

/**
 * Applies lines in order to the given account states and returns each line's balance afterwards.
 * Throws INSUFFICIENT_BALANCE when a personal account would end below zero. Does not mutate its input.
 */
export function applyJournalLines(
  accounts: ReadonlyMap<number, AccountState>,
  lines: readonly JournalLineAmount[],
): { balancesAfter: bigint[]; finalBalances: Map<number, bigint> } {
  const running = new Map<number, bigint>();
  const balancesAfter: bigint[] = [];
  for (const line of lines) {
    const account = accounts.get(line.accountId);
    if (!account) throw new DomainError("NOT_FOUND", `账户 ${line.accountId} 不存在`);
    const next = (running.get(line.accountId) ?? account.balanceFen) + line.amountFen;
    running.set(line.accountId, next);
    balancesAfter.push(next);
  }
  for (const [accountId, balance] of running) {
    const account = accounts.get(accountId)!;
    if (balance < 0n && !mayGoNegative(account.kind)) {
      throw new DomainError("INSUFFICIENT_BALANCE", "个人账户余额不足", {
        details: { accountId, balanceFen: account.balanceFen.toString(), wouldBeFen: balance.toString() },
      });
    }
  }
  return { balancesAfter, finalBalances: running };
}
