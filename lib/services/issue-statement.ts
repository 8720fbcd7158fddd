/**
 * Issues a printable account statement 个人账户对账单 for one calendar year (DOMAIN §9): the year's
 * 上年结转 / 本年划入 / 本年支出 / 期末余额 and the entries up to now, with a signed verification code.
 * The figures are read in one repeatable-read snapshot, so they agree with the entries listed.
 */
import type { Db } from "@/lib/db/client";
import { formatDateCst, startOfYearCst, yearOfCst } from "@/lib/domain/dates";
import type { StatementFacts } from "@/lib/domain/document-facts";
import { DomainError } from "@/lib/domain/errors";
import { maskIdNumber } from "@/lib/domain/masking";
import { fenToNumber } from "@/lib/domain/money";
import { storeDocument } from "./store-document";

export async function issueStatement(
  database: Db,
  options: { personId: number; year: number; key: Uint8Array; now?: Date },
): Promise<{ id: number; code: string }> {
  const now = options.now ?? new Date();
  const person = await database.person.findUnique({
    where: { id: options.personId },
    select: { name: true, idNumber: true, personalNumber: true, account: { select: { id: true } } },
  });
  if (!person) throw new DomainError("NOT_FOUND", "未找到参保信息");
  if (!person.account) throw new DomainError("NO_ACCOUNT", "您没有职工医保个人账户,无法开具对账单");
  const accountId = person.account.id;
  const currentYear = yearOfCst(now);
  if (!Number.isSafeInteger(options.year) || options.year > currentYear) {
    throw new DomainError("INVALID_PARAMETER", "只能开具本年度及以前年度的对账单", { field: "year" });
  }
  const from = startOfYearCst(options.year);
  const to = startOfYearCst(options.year + 1);

  const figures = await database.$transaction(
    async (tx) => {
      const first = await tx.entry.findFirst({
        where: { accountId },
        orderBy: { id: "asc" },
        select: { occurredAt: true },
      });
      const firstYear = first ? yearOfCst(first.occurredAt) : currentYear;
      if (options.year < firstYear) {
        throw new DomainError(
          "INVALID_PARAMETER",
          `您的个人账户明细从${firstYear}年开始,请选择${firstYear}年或以后的年度`,
          {
            field: "year",
          },
        );
      }
      const before = await tx.entry.findFirst({
        where: { accountId, occurredAt: { lt: from } },
        orderBy: { id: "desc" },
        select: { balanceAfterFen: true },
      });
      const [sums] = await tx.$queryRaw<
        { entries: bigint; last_id: bigint | null; credited: bigint | null; spent: bigint | null }[]
      >`
        SELECT count(*)::bigint AS entries, max(id) AS last_id,
               sum(amount_fen) FILTER (WHERE amount_fen > 0)::bigint AS credited,
               (-sum(amount_fen) FILTER (WHERE amount_fen < 0))::bigint AS spent
        FROM entries WHERE account_id = ${accountId}
          AND occurred_at >= ${from.toISOString()}::timestamp AND occurred_at < ${to.toISOString()}::timestamp`;
      return { carriedOverFen: before?.balanceAfterFen ?? 0n, sums: sums! };
    },
    { isolationLevel: "RepeatableRead" },
  );

  const creditedFen = BigInt(figures.sums.credited ?? 0n);
  const spentFen = BigInt(figures.sums.spent ?? 0n);
  const facts: StatementFacts = {
    name: person.name,
    maskedIdNumber: maskIdNumber(person.idNumber),
    personalNumber: person.personalNumber,
    year: options.year,
    from: `${options.year}-01-01`,
    to: options.year === currentYear ? formatDateCst(now) : `${options.year}-12-31`,
    carriedOverFen: fenToNumber(figures.carriedOverFen),
    creditedFen: fenToNumber(creditedFen),
    spentFen: fenToNumber(spentFen),
    closingFen: fenToNumber(figures.carriedOverFen + creditedFen - spentFen),
    entryCount: Number(figures.sums.entries),
    lastEntryId: figures.sums.last_id === null ? null : String(figures.sums.last_id),
  };
  return storeDocument(database, {
    personId: options.personId,
    kind: "STATEMENT",
    facts,
    key: options.key,
    now,
  });
}
