/**
 * What happens when a signed-in person asks for a record (a statement entry, a settlement) that is not
 * theirs or does not exist: an audit row naming whose record it was, then the same 404 either way, so
 * the answer never tells a guesser that the id exists.
 */
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";

export type PersonRecordKind = "entry" | "settlement";

const NOT_FOUND_MESSAGE: Record<PersonRecordKind, string> = {
  entry: "未找到该笔明细",
  settlement: "未找到该笔结算记录",
};

export const PERSON_RECORD_NOT_FOUND = "PERSON_RECORD_NOT_FOUND";

export async function refusePersonRecord(
  database: Db,
  options: { personId: number; kind: PersonRecordKind; id: string; ownerPersonId: number | null },
): Promise<never> {
  await database.auditLog.create({
    data: {
      actorType: "PERSON",
      actorId: String(options.personId),
      action: PERSON_RECORD_NOT_FOUND,
      subjectPersonId: options.ownerPersonId,
      reason: options.ownerPersonId === null ? "记录不存在" : "请求他人的记录",
      // Cut short: the id is whatever was typed into a URL.
      details: { kind: options.kind, id: options.id.slice(0, 40) },
    },
  });
  throw new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE[options.kind], { details: { kind: options.kind } });
}
