import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { initialPassword } from "@/lib/domain/lockout";
import { assertAcceptablePassword } from "@/lib/domain/password";
import { hashPassword, sameText, verifyPassword } from "./passwords";

/**
 * A person replaces their password (the initial one on first sign-in, seed 001). Bumps the session
 * version so every other session of theirs ends; returns the new version for the current session.
 */
export async function changePersonPassword(
  database: Db,
  options: { personId: number; currentPassword: string; newPassword: string },
): Promise<{ sessionVersion: number }> {
  const person = await database.person.findUnique({
    where: { id: options.personId },
    select: { personalNumber: true, passwordHash: true },
  });
  if (!person) throw new DomainError("NOT_FOUND", "未找到参保信息");
  const initial = initialPassword(person.personalNumber);
  const currentOk = person.passwordHash
    ? await verifyPassword(person.passwordHash, options.currentPassword)
    : sameText(options.currentPassword, initial);
  if (!currentOk) throw new DomainError("BAD_CREDENTIALS", "当前密码不正确", { field: "currentPassword" });
  assertAcceptablePassword(options.newPassword, [initial, person.personalNumber]);
  if (options.newPassword === options.currentPassword) {
    throw new DomainError("WEAK_PASSWORD", "新密码不能与当前密码相同", { field: "newPassword" });
  }
  const updated = await database.person.update({
    where: { id: options.personId },
    data: { passwordHash: await hashPassword(options.newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await database.auditLog.create({
    data: { actorType: "PERSON", actorId: String(options.personId), action: "CHANGE_PASSWORD", subjectPersonId: options.personId },
  });
  return updated;
}
