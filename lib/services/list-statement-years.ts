import type { Db } from "@/lib/db/client";
import { yearOfCst } from "@/lib/domain/dates";

/** Years a statement can be printed for: from the account's first entry to this year, newest first. */
export async function listStatementYears(
  database: Db,
  options: { personId: number; now?: Date },
): Promise<number[] | null> {
  const account = await database.account.findUnique({
    where: { personId: options.personId },
    select: { id: true },
  });
  if (!account) return null;
  const first = await database.entry.findFirst({
    where: { accountId: account.id },
    orderBy: { id: "asc" },
    select: { occurredAt: true },
  });
  const current = yearOfCst(options.now ?? new Date());
  const from = first ? Math.min(yearOfCst(first.occurredAt), current) : current;
  const years: number[] = [];
  for (let y = current; y >= from; y--) years.push(y);
  return years;
}
