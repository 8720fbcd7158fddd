/**
 * Money from the tax collector (征收) for a unit: posted to the pooled fund, then spent on the
 * unit's oldest arrears first (DOMAIN §6, no selective offset). Months it pays up release their
 * employees' credits if the crediting run for them has already passed. Idempotent on the reference.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { postJournalsInTransaction } from "./post-journals";
import { fundAccountIds } from "./system-accounts";
import { creditPaidUpMonths, lockUnit, settleOpenMonths } from "./unit-contributions";

export async function receiveUnitPayment(
  database: Db,
  options: { unitId: number; reference: string; receivedAt: Date; amountFen: bigint },
): Promise<{ paymentId: number; replayed: boolean; paidUpMonths: string[]; credited: number }> {
  if (options.amountFen <= 0n) throw new DomainError("INVALID_AMOUNT", "到账金额必须大于0");
  return database.$transaction(
    async (tx) => {
      await lockUnit(tx, options.unitId);
      const existing = await tx.unitPayment.findUnique({ where: { reference: options.reference } });
      if (existing) {
        if (existing.unitId !== options.unitId || existing.amountFen !== options.amountFen) {
          throw new DomainError("IDEMPOTENCY_CONFLICT", `到账流水号 ${options.reference} 已用于不同的单位或金额`);
        }
        return { paymentId: existing.id, replayed: true, paidUpMonths: [], credited: 0 };
      }
      const funds = await fundAccountIds(tx);
      const [posting] = await postJournalsInTransaction(tx, [
        {
          idempotencyKey: `payment:${options.reference}`,
          description: "单位医保费到账",
          occurredAt: options.receivedAt,
          lines: [
            { accountId: funds["CLEARING-COLLECTION"], amountFen: -options.amountFen, kind: "CONTRIBUTION" },
            { accountId: funds["FUND-POOLED"], amountFen: options.amountFen, kind: "CONTRIBUTION" },
          ],
          meta: { unitId: options.unitId, reference: options.reference },
        },
      ]);
      const payment = await tx.unitPayment.create({
        data: {
          unitId: options.unitId,
          reference: options.reference,
          receivedAt: options.receivedAt,
          amountFen: options.amountFen,
          unallocatedFen: options.amountFen,
          postingId: posting!.postingId,
        },
        select: { id: true },
      });
      const paidUp = await settleOpenMonths(tx, options.unitId);
      const credited = await creditPaidUpMonths(tx, paidUp);
      return { paymentId: payment.id, replayed: false, paidUpMonths: paidUp.map((p) => p.month), credited };
    },
    { maxWait: 20_000, timeout: 120_000 },
  );
}
