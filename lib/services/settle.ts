/**
 * Settles visits and purchases (DOMAIN §6): the fund part becomes self-pay when benefits are not
 * NORMAL on the service date; self-pay comes from the person's own account, then from the provider of
 * an active linkage, then cash; a lost card cannot pay (the electronic voucher can). One posting per
 * settlement, idempotent on the institution's settlement number, decided on balances read under lock.
 */
import type { Db, Tx } from "@/lib/db/client";
import { assertCardCanPay } from "@/lib/domain/card";
import { cstNoon } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { splitSelfPay } from "@/lib/domain/settlement";
import type { EntryKind, PaymentChannel, SettlementKind } from "@/lib/generated/prisma/enums";
import type { SettlementCreateManyInput } from "@/lib/generated/prisma/models/Settlement";
import { loadBenefitStatuses } from "./benefit";
import { type JournalInput, type JournalLine, lockAccounts, postJournalsInTransaction } from "./post-journals";
import { fundAccountIds } from "./system-accounts";

export interface SettlementRequest {
  institutionId: number;
  institutionCode: string;
  institutionName: string;
  settlementNo: string;
  personId: number;
  /** Card that was presented, required when channel is CARD. */
  cardNumber?: string | null;
  serviceDate: string;
  kind: SettlementKind;
  channel: PaymentChannel;
  totalFen: bigint;
  fundPayableFen: bigint;
  selfPayFen: bigint;
}

export interface SettlementResult {
  settlementId: number;
  replayed: boolean;
  benefitStatus: string;
  fundPaidFen: bigint;
  ownAccountFen: bigint;
  linkedAccountFen: bigint;
  cashFen: bigint;
}

const ENTRY_KIND: Record<SettlementKind, EntryKind> = {
  PHARMACY: "PHARMACY",
  OUTPATIENT: "OUTPATIENT",
  INPATIENT: "INPATIENT_SELF_PAY",
};
const KIND_TEXT: Record<SettlementKind, string> = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" };

function assertAmounts(r: SettlementRequest): void {
  if (r.totalFen <= 0n || r.fundPayableFen < 0n || r.selfPayFen < 0n) {
    throw new DomainError("INVALID_AMOUNT", "结算金额必须为正数,统筹支付和个人自付不能为负", { field: "totalFen" });
  }
  if (r.fundPayableFen + r.selfPayFen !== r.totalFen) {
    throw new DomainError("INVALID_AMOUNT", "统筹应付与个人自付之和必须等于总金额", { field: "totalFen" });
  }
}

function samePayload(
  stored: { personId: number; serviceDate: Date; kind: SettlementKind; channel: PaymentChannel; totalFen: bigint; fundPayableFen: bigint; selfPayFen: bigint },
  r: SettlementRequest,
): boolean {
  return (
    stored.personId === r.personId &&
    stored.serviceDate.toISOString().slice(0, 10) === r.serviceDate &&
    stored.kind === r.kind &&
    stored.channel === r.channel &&
    stored.totalFen === r.totalFen &&
    stored.fundPayableFen === r.fundPayableFen &&
    stored.selfPayFen === r.selfPayFen
  );
}

async function settleInTransaction(tx: Tx, requests: readonly SettlementRequest[], now: Date): Promise<SettlementResult[]> {
  // Same institution + number submitted twice at once: the second waits here and then replays.
  for (const r of [...requests].sort((a, b) => a.institutionId - b.institutionId || a.settlementNo.localeCompare(b.settlementNo))) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${r.institutionId}, hashtext(${r.settlementNo}))`;
  }

  const existing = await tx.settlement.findMany({
    where: { OR: requests.map((r) => ({ institutionId: r.institutionId, settlementNo: r.settlementNo })) },
  });
  const existingByKey = new Map(existing.map((s) => [`${s.institutionId}:${s.settlementNo}`, s]));

  const personIds = [...new Set(requests.map((r) => r.personId))];
  // Sequential on purpose: one transaction is one connection.
  const accounts = await tx.account.findMany({ where: { personId: { in: personIds } }, select: { id: true, personId: true } });
  const linkages = await tx.linkage.findMany({
    where: { userPersonId: { in: personIds }, status: "ACTIVE" },
    select: { id: true, userPersonId: true, approvedAt: true, provider: { select: { id: true, account: { select: { id: true } } } } },
  });
  const cards = await tx.card.findMany({
    where: { cardNumber: { in: requests.flatMap((r) => (r.cardNumber ? [r.cardNumber] : [])) } },
    select: { cardNumber: true, personId: true, status: true, preLossExpiresAt: true },
  });
  const statuses = await loadBenefitStatuses(tx, requests.map((r) => ({ personId: r.personId, date: r.serviceDate })));
  const funds = await fundAccountIds(tx);
  const ownAccount = new Map(accounts.map((a) => [a.personId!, a.id]));
  const linkageOf = new Map(linkages.map((l) => [l.userPersonId, l]));
  const cardOf = new Map(cards.map((c) => [c.cardNumber, c]));

  const balances = await lockAccounts(tx, [
    ...accounts.map((a) => a.id),
    ...linkages.flatMap((l) => (l.provider.account ? [l.provider.account.id] : [])),
    funds["FUND-POOLED"],
    funds.CASH,
    funds["CLEARING-INSTITUTION"],
  ]);
  const balanceOf = (accountId: number | undefined) => (accountId === undefined ? 0n : (balances.get(accountId)?.balanceFen ?? 0n));

  // Decide every settlement on the locked balances (each seeing what the earlier ones left), then
  // post all journals and insert all rows at once.
  const results: (SettlementResult | null)[] = [];
  const fresh: { index: number; journal: JournalInput; row: Omit<SettlementCreateManyInput, "postingId"> & { benefitStatus: string; fundPaidFen: bigint; ownAccountFen: bigint; linkedAccountFen: bigint; cashFen: bigint } }[] = [];
  const seenInBatch = new Set<string>();
  for (const [index, r] of requests.entries()) {
    const key = `${r.institutionId}:${r.settlementNo}`;
    const stored = existingByKey.get(key);
    if (stored) {
      if (!samePayload(stored, r)) {
        throw new DomainError("IDEMPOTENCY_CONFLICT", `结算单号 ${r.settlementNo} 已用于内容不同的结算`);
      }
      results.push({
        settlementId: stored.id,
        replayed: true,
        benefitStatus: stored.benefitStatus,
        fundPaidFen: stored.fundPaidFen,
        ownAccountFen: stored.ownAccountFen,
        linkedAccountFen: stored.linkedAccountFen,
        cashFen: stored.cashFen,
      });
      continue;
    }
    if (seenInBatch.has(key)) throw new DomainError("IDEMPOTENCY_CONFLICT", `结算单号 ${r.settlementNo} 在同一批次中重复`);
    seenInBatch.add(key);
    assertAmounts(r);
    if (r.channel === "CARD") {
      const card = r.cardNumber ? cardOf.get(r.cardNumber) : undefined;
      if (!card || card.personId !== r.personId) throw new DomainError("CARD_NOT_FOUND", "刷卡结算须提供本人的社会保障卡号", { field: "cardNumber" });
      assertCardCanPay(card, now);
    }

    const status = statuses[index]!;
    const fundPaidFen = status.status === "NORMAL" ? r.fundPayableFen : 0n;
    const ownId = ownAccount.get(r.personId);
    // A linkage pays for services from the day it was approved, not for visits before it.
    const candidate = linkageOf.get(r.personId);
    const linkage = candidate && candidate.approvedAt.getTime() <= cstNoon(r.serviceDate).getTime() + 12 * 3600_000 ? candidate : undefined;
    const providerAccountId = linkage?.provider.account?.id;
    const split = splitSelfPay({
      selfPayFen: r.totalFen - fundPaidFen,
      ownBalanceFen: balanceOf(ownId),
      linkedBalanceFen: balanceOf(providerAccountId),
    });
    if (ownId !== undefined && split.ownAccountFen > 0n) balances.get(ownId)!.balanceFen -= split.ownAccountFen;
    if (providerAccountId !== undefined && split.linkedAccountFen > 0n) balances.get(providerAccountId)!.balanceFen -= split.linkedAccountFen;

    const lines: JournalLine[] = [{ accountId: funds["CLEARING-INSTITUTION"], amountFen: r.totalFen, kind: ENTRY_KIND[r.kind] }];
    if (split.ownAccountFen > 0n) lines.push({ accountId: ownId!, amountFen: -split.ownAccountFen, kind: ENTRY_KIND[r.kind] });
    if (split.linkedAccountFen > 0n) {
      lines.push({ accountId: providerAccountId!, amountFen: -split.linkedAccountFen, kind: "LINKED_PAYMENT", counterpartyPersonId: r.personId });
    }
    if (fundPaidFen > 0n) lines.push({ accountId: funds["FUND-POOLED"], amountFen: -fundPaidFen, kind: "FUND_PAYMENT" });
    if (split.cashFen > 0n) lines.push({ accountId: funds.CASH, amountFen: -split.cashFen, kind: "CASH_PAYMENT" });

    fresh.push({
      index,
      journal: {
        idempotencyKey: `settle:${r.institutionCode}:${r.settlementNo}`,
        description: `${r.institutionName} ${KIND_TEXT[r.kind]}`,
        occurredAt: cstNoon(r.serviceDate),
        lines,
      },
      row: {
        institutionId: r.institutionId,
        settlementNo: r.settlementNo,
        personId: r.personId,
        serviceDate: new Date(`${r.serviceDate}T00:00:00Z`),
        kind: r.kind,
        channel: r.channel,
        totalFen: r.totalFen,
        fundPayableFen: r.fundPayableFen,
        selfPayFen: r.selfPayFen,
        fundPaidFen,
        ownAccountFen: split.ownAccountFen,
        linkedAccountFen: split.linkedAccountFen,
        cashFen: split.cashFen,
        linkageId: split.linkedAccountFen > 0n ? linkage!.id : null,
        benefitStatus: status.status,
      },
    });
    results.push(null);
  }

  if (fresh.length > 0) {
    const postings = await postJournalsInTransaction(
      tx,
      fresh.map((f) => f.journal),
    );
    const rows = await tx.settlement.createManyAndReturn({
      data: fresh.map((f, i) => ({ ...f.row, postingId: postings[i]!.postingId })),
      select: { id: true, postingId: true },
    });
    const idByPosting = new Map(rows.map((row) => [row.postingId, row.id]));
    fresh.forEach((f, i) => {
      results[f.index] = {
        settlementId: idByPosting.get(postings[i]!.postingId)!,
        replayed: false,
        benefitStatus: f.row.benefitStatus,
        fundPaidFen: f.row.fundPaidFen,
        ownAccountFen: f.row.ownAccountFen,
        linkedAccountFen: f.row.linkedAccountFen,
        cashFen: f.row.cashFen,
      };
    });
  }
  return results as SettlementResult[];
}

/** Settles a batch atomically (the demo seed uses batches); a single settlement is a batch of one. */
export async function settleBatch(database: Db, requests: readonly SettlementRequest[], now = new Date()): Promise<SettlementResult[]> {
  if (requests.length === 0) return [];
  return database.$transaction((tx) => settleInTransaction(tx, requests, now), { maxWait: 20_000, timeout: 120_000 });
}

export async function settle(database: Db, request: SettlementRequest, now = new Date()): Promise<SettlementResult> {
  const [result] = await settleBatch(database, [request], now);
  return result!;
}
