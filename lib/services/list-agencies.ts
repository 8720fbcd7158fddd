/**
 * The agency directory (经办机构, seed 000): every centre and office with address, phones and post code,
 * and, for a chosen district, the agency that handles it — its own office if it has one, otherwise the
 * citywide centre (the agency without a district).
 */
import type { Db } from "@/lib/db/client";
import { splitPhones } from "@/lib/domain/directory";

export interface AgencyRow {
  code: string;
  name: string;
  address: string;
  postCode: string | null;
  phones: string[];
  districtCode: string | null;
  districtName: string | null;
}

export interface AgencyDirectory {
  agencies: AgencyRow[];
  districts: { code: string; name: string }[];
  /** Set when a known district was asked for. */
  selected: { code: string; name: string; handledBy: AgencyRow | null; ownOffice: boolean } | null;
}

export async function listAgencies(
  database: Db,
  options: { district?: string } = {},
): Promise<AgencyDirectory> {
  const [rows, districts] = await Promise.all([
    database.agency.findMany({
      select: {
        code: true,
        name: true,
        address: true,
        postCode: true,
        phones: true,
        districtCode: true,
        district: { select: { name: true } },
      },
      // The citywide centre (no district) first, then the district offices by district code.
      orderBy: [{ districtCode: { sort: "asc", nulls: "first" } }, { code: "asc" }],
    }),
    database.district.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  const agencies: AgencyRow[] = rows.map((a) => ({
    code: a.code,
    name: a.name,
    address: a.address,
    postCode: a.postCode,
    phones: splitPhones(a.phones),
    districtCode: a.districtCode,
    districtName: a.district?.name ?? null,
  }));

  const district = options.district ? districts.find((d) => d.code === options.district) : undefined;
  if (!district) return { agencies, districts, selected: null };
  const own = agencies.find((a) => a.districtCode === district.code);
  const citywide = agencies.find((a) => a.districtCode === null) ?? null;
  return {
    agencies,
    districts,
    selected: { ...district, handledBy: own ?? citywide, ownOffice: own !== undefined },
  };
}
