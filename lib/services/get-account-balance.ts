import type { Db } from "@/lib/db/client";

/** A balance read is one row: the account keeps its posted balance (DOMAIN §4). */
export async function getAccountBalance(database: Db, options: { personId: number; now?: Date }) {
  const account = await database.account.findUnique({ where: { personId: options.personId }, select: { balanceFen: true } });
  return account && { balanceFen: account.balanceFen, readAt: options.now ?? new Date() };
}
