import type { Db } from "@/lib/db/client";
import type { PrincipalType } from "@/lib/generated/prisma/enums";
import type { Role } from "./sign-in";

const ACTOR_TYPE: Record<Role, PrincipalType> = { person: "PERSON", clerk: "CLERK", staff: "STAFF" };

/**
 * Signing out ends every session of the principal, not only this browser's: the session version goes
 * up, so any other token (another device, a copied cookie) no longer matches the database (guard.ts).
 * A JWT cannot be withdrawn one by one without a table of revoked tokens; "everywhere" is also what
 * ASVS 3.3.1/3.3.3 ask after a sign-out or password change.
 */
export async function revokeSessions(
  database: Db,
  options: { role: Role; id: number; ip?: string | null },
): Promise<{ sessionVersion: number }> {
  const data = { sessionVersion: { increment: 1 } };
  const select = { sessionVersion: true } as const;
  const where = { id: options.id };
  const updated =
    options.role === "person"
      ? await database.person.update({ where, data, select })
      : options.role === "clerk"
        ? await database.unitClerk.update({ where, data, select })
        : await database.staff.update({ where, data, select });
  await database.auditLog.create({
    data: {
      actorType: ACTOR_TYPE[options.role],
      actorId: String(options.id),
      action: "SIGN_OUT",
      subjectPersonId: options.role === "person" ? options.id : null,
      ip: options.ip ?? null,
    },
  });
  return updated;
}
