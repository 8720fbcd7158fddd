import { type Db, rawPool } from "@/lib/db/client";

const SQL = "SELECT balance_fen FROM accounts WHERE person_id = $1";

/**
 * A balance read is one row: the account keeps its posted balance (DOMAIN §4). On the client's own pg
 * pool when it has one (no ORM on the balance API's only query besides the session check: issue 8's
 * P1), through Prisma otherwise (a transaction, a replica view).
 */
export async function getAccountBalance(database: Db, options: { personId: number; now?: Date }) {
  const pool = rawPool(database);
  const rows = pool
    ? (await pool.query<{ balance_fen: string }>(SQL, [options.personId])).rows
    : await database.$queryRawUnsafe<{ balance_fen: bigint }[]>(SQL, options.personId);
  const account = rows[0];
  return account ? { balanceFen: BigInt(account.balance_fen), readAt: options.now ?? new Date() } : null;
}
