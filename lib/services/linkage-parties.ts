/**
 * Loads what the linkage rules need about each person (lib/domain/linkage.ts LinkageParty): insurance,
 * district, benefit status today and any active linkage. Everyone in this database is insured in
 * Chongqing; a walk-in from elsewhere is not in it at all and is refused before this is asked.
 */
import type { Db, Tx } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import { HOME_CITY, type LinkageParty } from "@/lib/domain/linkage";
import { loadBenefitStatuses } from "./benefit";

export async function loadLinkageParties(
  database: Db | Tx,
  personIds: readonly number[],
  now: Date,
): Promise<Map<number, LinkageParty>> {
  const ids = [...new Set(personIds)];
  const persons = await database.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, category: true, districtCode: true },
  });
  const linkages = await database.linkage.findMany({
    where: { status: "ACTIVE", OR: [{ userPersonId: { in: ids } }, { providerPersonId: { in: ids } }] },
    select: { id: true, userPersonId: true, providerPersonId: true },
  });
  // The member rows are the constraint; linkages are read too so a row written without members still counts.
  const members = await database.linkageMember.findMany({
    where: { personId: { in: ids } },
    select: { personId: true, linkageId: true, role: true },
  });
  const statuses = await loadBenefitStatuses(
    database,
    persons.map((p) => ({ personId: p.id, date: formatDateCst(now) })),
  );

  const active = new Map<number, LinkageParty["activeLinkage"]>();
  for (const m of members)
    active.set(m.personId, { role: m.role === "PROVIDER" ? "PROVIDER" : "USER", linkageId: m.linkageId });
  for (const l of linkages) {
    if (!active.has(l.userPersonId)) active.set(l.userPersonId, { role: "USER", linkageId: l.id });
    if (!active.has(l.providerPersonId))
      active.set(l.providerPersonId, { role: "PROVIDER", linkageId: l.id });
  }
  return new Map(
    persons.map((p, i) => [
      p.id,
      {
        personId: p.id,
        category: p.category,
        insuredCity: HOME_CITY,
        districtCode: p.districtCode,
        benefitStatus: statuses[i]!.status,
        activeLinkage: active.get(p.id) ?? null,
      },
    ]),
  );
}

