/**
 * The audit trail for office staff (DOMAIN §9): filter by staff member, person, action and date, newest
 * first, keyset-paginated on the row id. Read-only by design: nothing in the application updates or deletes
 * an audit row, and the database refuses it anyway (append-only trigger, hash chain).
 */
import type { Db } from "@/lib/db/client";
import { ACTOR_TYPE_LABEL, auditActionText } from "@/lib/domain/audit-actions";
import { DomainError } from "@/lib/domain/errors";
import { maskIdNumber, maskName, maskNumbersInText } from "@/lib/domain/masking";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findPersonId, maskedPersonText, parsePersonIdentifier } from "./find-person";
import { recordStaffAudit } from "./office-audit";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  staffNumber?: string;
  /** ID number or card number of the person the rows are about. */
  person?: string;
  /** The same person once resolved: pages swap the typed number for it, so no full number stays in the URL. */
  subjectPersonId?: number;
  action?: string;
  /** "YYYY-MM-DD", China dates, inclusive. */
  from?: string;
  to?: string;
  /** Row id to continue after (older rows). */
  after?: bigint;
}

export interface AuditRow {
  id: bigint;
  at: Date;
  actorText: string;
  action: string;
  actionText: string;
  subjectText: string | null;
  reason: string | null;
  detailsText: string;
  ip: string | null;
}

const cstDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The other person of a linkage row (the subject is the user, this the provider). */
function otherOf(details: unknown): number | null {
  const v = (details as { otherPersonId?: unknown } | null)?.otherPersonId;
  return typeof v === "number" ? v : null;
}

/** Details as shown: values typed by whoever caused the row (a forged id, a unit number) are masked. */
function detailsText(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return maskNumbersInText(
    Object.entries(details as Record<string, unknown>)
      .filter(([k, v]) => k !== "otherPersonId" && v !== null && v !== undefined && typeof v !== "object")
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(" "),
  );
}

export async function listAuditTrail(
  database: Db,
  options: { viewerStaffId: number; filter: AuditFilter; ip?: string | null },
): Promise<{
  rows: AuditRow[];
  olderCursor: bigint | null;
  filterPersonText: string | null;
  filterPersonId: number | null;
}> {
  const f = options.filter;
  const where: Prisma.AuditLogWhereInput[] = [];

  if (f.staffNumber) {
    const staff = await database.staff.findUnique({
      where: { staffNumber: f.staffNumber.trim().toUpperCase() },
      select: { id: true },
    });
    if (!staff) throw new DomainError("NOT_FOUND", "未找到该工号", { field: "staffNumber" });
    where.push({ actorType: "STAFF", actorId: String(staff.id) });
  }
  let filterPersonText: string | null = null;
  let filterPersonId: number | null = null;
  if (f.person || f.subjectPersonId !== undefined) {
    const personId = f.person
      ? await findPersonId(database, parsePersonIdentifier(f.person, "person"))
      : (f.subjectPersonId ?? null);
    filterPersonText = personId === null ? null : await maskedPersonText(database, personId);
    if (personId === null || filterPersonText === null) {
      throw new DomainError("NOT_FOUND", "未找到该参保人", { field: "person" });
    }
    filterPersonId = personId;
    where.push({
      OR: [{ subjectPersonId: personId }, { details: { path: ["otherPersonId"], equals: personId } }],
    });
  }
  if (f.action) where.push({ action: f.action });
  if (f.from) where.push({ at: { gte: cstDayStart(f.from) } });
  if (f.to) where.push({ at: { lt: new Date(cstDayStart(f.to).getTime() + 86_400_000) } });
  if (f.after !== undefined) where.push({ id: { lt: f.after } });
  if (f.from && f.to && f.from > f.to) {
    throw new DomainError("INVALID_PARAMETER", "开始日期不能晚于结束日期", { field: "from" });
  }

  const fetched = await database.auditLog.findMany({
    where: { AND: where },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      actorType: true,
      actorId: true,
      action: true,
      subjectPersonId: true,
      reason: true,
      details: true,
      ip: true,
    },
  });
  const page = fetched.slice(0, AUDIT_PAGE_SIZE);

  const staffIds = [
    ...new Set(page.filter((r) => r.actorType === "STAFF" && r.actorId).map((r) => Number(r.actorId))),
  ];
  const personIds = [
    ...new Set([
      ...page.flatMap((r) => (r.subjectPersonId ? [r.subjectPersonId] : [])),
      ...page.flatMap((r) => {
        const other = otherOf(r.details);
        return other === null ? [] : [other];
      }),
      ...page.filter((r) => r.actorType === "PERSON" && r.actorId).map((r) => Number(r.actorId)),
    ]),
  ];
  const staff = new Map(
    (
      await database.staff.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, staffNumber: true, name: true },
      })
    ).map((s) => [s.id, s]),
  );
  const persons = new Map(
    (
      await database.person.findMany({
        where: { id: { in: personIds } },
        select: { id: true, name: true, idNumber: true },
      })
    ).map((p) => [p.id, p]),
  );
  const personText = (id: number) => {
    const p = persons.get(id);
    return p ? `${maskName(p.name)}(${maskIdNumber(p.idNumber)})` : `#${id}`;
  };

  if (filterPersonId !== null) {
    // Filtering the trail by a person shows what was done to them: a view of that person, audited.
    await recordStaffAudit(
      database,
      { staffId: options.viewerStaffId, ip: options.ip },
      { action: "AUDIT_VIEW", subjectPersonId: filterPersonId, details: { filter: "person" } },
    );
  }

  const rows = page.map((r): AuditRow => {
    let actorText = ACTOR_TYPE_LABEL[r.actorType] ?? r.actorType;
    if (r.actorType === "STAFF" && r.actorId) {
      const s = staff.get(Number(r.actorId));
      actorText = s ? `${s.staffNumber} ${s.name}` : `工作人员 #${r.actorId}`;
    } else if (r.actorType === "PERSON" && r.actorId) {
      actorText = `参保人 ${personText(Number(r.actorId))}`;
    } else if (r.actorId) {
      actorText = `${actorText} #${r.actorId}`;
    }
    const other = otherOf(r.details);
    return {
      id: r.id,
      at: r.at,
      actorText,
      action: r.action,
      actionText: auditActionText(r.action),
      subjectText: r.subjectPersonId
        ? `${personText(r.subjectPersonId)}${other === null ? "" : `、${personText(other)}`}`
        : null,
      reason: r.reason === null ? null : maskNumbersInText(r.reason),
      detailsText: detailsText(r.details),
      ip: r.ip,
    };
  });
  return {
    rows,
    olderCursor: fetched.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null,
    filterPersonText,
    filterPersonId,
  };
}
