/**
 * The retirement-years check 退休年限 for the signed-in person, from their own record (DOMAIN §6):
 * contribution months counted from enrolments and contribution lines (lib/domain/contribution-months),
 * then the rule in lib/domain/retirement.ts. The lump sum for a shortfall is priced with the person's
 * unit's average monthly base of the previous year, when the record has one.
 */
import type { Db } from "@/lib/db/client";
import { type ContributionMonthsCount, countContributionMonths } from "@/lib/domain/contribution-months";
import { formatDateCst, yearOfCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { type Fen, roundHalfUp } from "@/lib/domain/money";
import { checkRetirement, type Gender, type RetirementCheck } from "@/lib/domain/retirement";

export interface OwnRetirementCheck {
  gender: Gender;
  employmentStatus: "IN_SERVICE" | "RETIRED";
  retiredFrom: string | null;
  count: ContributionMonthsCount;
  check: RetirementCheck;
  /** null when there is no shortfall, or no unit base to price it with. */
  lumpSumFen: Fen | null;
  unitAverageBase: { year: number; fen: Fen } | null;
  asOf: string;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

async function unitAverageBase(database: Db, unitId: number, year: number): Promise<Fen | null> {
  const [row] = await database.$queryRaw<{ total: bigint | null; lines: bigint }[]>`
    SELECT sum(cl.base_fen)::bigint AS total, count(*)::bigint AS lines
    FROM contribution_lines cl JOIN unit_months um ON um.id = cl.unit_month_id
    WHERE um.unit_id = ${unitId} AND cl.month >= ${`${year}-01`} AND cl.month <= ${`${year}-12`}`;
  if (!row || row.total === null || row.lines === 0n) return null;
  return roundHalfUp(BigInt(row.total), BigInt(row.lines));
}

export async function checkOwnRetirement(
  database: Db,
  options: { personId: number; now?: Date },
): Promise<OwnRetirementCheck> {
  const now = options.now ?? new Date();
  const asOf = formatDateCst(now);
  const person = await database.person.findUnique({
    where: { id: options.personId },
    select: {
      gender: true,
      employmentStatus: true,
      retiredFrom: true,
      unitId: true,
      enrolments: {
        orderBy: { startMonth: "asc" },
        select: { category: true, startMonth: true, endMonth: true },
      },
      contributionLines: { select: { month: true, unitMonth: { select: { paidUpAt: true } } } },
    },
  });
  if (!person) throw new DomainError("NOT_FOUND", "未找到参保信息");
  const gender: Gender = person.gender === "F" ? "F" : "M";
  const retiredFrom = person.employmentStatus === "RETIRED" ? person.retiredFrom : null;

  const count = countContributionMonths({
    enrolments: person.enrolments.map((e) => ({
      category: e.category,
      startMonth: monthOf(e.startMonth),
      endMonth: e.endMonth ? monthOf(e.endMonth) : null,
    })),
    contributions: person.contributionLines.map((c) => ({
      month: c.month,
      paid: c.unitMonth.paidUpAt !== null && c.unitMonth.paidUpAt <= now,
    })),
    retiredFrom,
    asOf: asOf.slice(0, 7),
  });

  const baseYear = yearOfCst(now) - 1;
  const baseFen = person.unitId === null ? null : await unitAverageBase(database, person.unitId, baseYear);
  // The base only prices the lump sum; without one the months short are still worth showing, so the
  // rule runs with a nominal base and its lump sum is dropped.
  const check = checkRetirement({
    gender,
    totalMonths: count.months,
    localMonths: count.months,
    unitAverageBaseFen: baseFen ?? 100n,
  });
  return {
    gender,
    employmentStatus: person.employmentStatus,
    retiredFrom,
    count,
    check,
    lumpSumFen: check.monthsShort > 0 && baseFen !== null ? check.lumpSumFen : null,
    unitAverageBase: baseFen === null ? null : { year: baseYear, fen: baseFen },
    asOf,
  };
}
