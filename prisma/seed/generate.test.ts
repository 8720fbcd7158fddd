import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseIdNumber } from "@/lib/domain/id-number";
import { isCreditCode } from "@/lib/domain/identifiers";
import { CHONGQING_DISTRICTS } from "./districts";
import {
  agencyForDistrict,
  BIG_UNIT_EMPLOYEES,
  BIG_UNIT_NUMBER,
  CITY_CENTRE_AGENCY,
  type DemoData,
  type DemoPerson,
  generateDemo,
  LATEST_ENROLMENT_MONTH,
  type SettlementEvent,
  settlementEvents,
} from "./generate";
import { CODE_LETTER, INSTITUTIONS } from "./institutions";

const TODAY = new Date("2026-11-28T00:00:00Z");
const small = generateDemo({ persons: 200 });
const districtCodes = new Set(CHONGQING_DISTRICTS.map((d) => d.code));

function share(data: DemoData, predicate: (p: DemoPerson) => boolean): number {
  return data.persons.filter(predicate).length / data.persons.length;
}

function expectUnique(values: readonly (string | null)[]): void {
  const present = values.filter((v): v is string => v !== null);
  expect(new Set(present).size).toBe(present.length);
}

describe("generateDemo: determinism and prefixes", () => {
  test("two runs with the same options are equal", () => {
    expect(generateDemo({ persons: 200 })).toEqual(small);
    expect(generateDemo({ persons: 300, seed: 7 })).toEqual(generateDemo({ persons: 300, seed: 7 }));
  });

  test("another seed gives other random persons but the same fixed accounts", () => {
    const other = generateDemo({ persons: 200, seed: 7 });
    expect(other.persons.slice(0, 2)).toEqual(
      small.persons.slice(0, 2).map((p) => ({
        ...p,
        personalNumber: expect.stringMatching(/^50\d{8}$/),
      })),
    );
    expect(other.persons[2]!.idNumber).not.toBe(small.persons[2]!.idNumber);
    expect(other.staff).toEqual(small.staff);
  });

  test("a bigger dataset starts with the smaller one", () => {
    const bigger = generateDemo({ persons: 3000 });
    expect(bigger.persons.slice(0, 200)).toEqual(small.persons);
    const withoutCounts = (d: DemoData) => d.units.map(({ employees: _employees, ...u }) => u);
    expect(withoutCounts(bigger).slice(0, small.units.length)).toEqual(withoutCounts(small));
  });

  test.each([
    { label: "negative", persons: -1 },
    { label: "fraction", persons: 1.5 },
    { label: "too many", persons: 50_000_000 },
  ])("rejects persons: $label", ({ persons }) => {
    expect(() => generateDemo({ persons })).toThrow(RangeError);
  });
});

describe("reference data", () => {
  test("districts are the 38 rows of prisma/data/chongqing-districts.csv", () => {
    const csv = readFileSync(path.join(import.meta.dirname, "../data/chongqing-districts.csv"), "utf8");
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [code, name, kind] = line.split(",");
        return { code, name, kind };
      });
    expect(rows).toHaveLength(38);
    expect(small.districts).toEqual(rows);
  });

  test("the five agencies of seed 000", () => {
    expect(small.agencies.map((a) => a.name)).toEqual([
      "重庆市医疗保险管理中心",
      "重庆市万州区城镇职工基本医疗保险中心",
      "重庆市涪陵区医疗保险事业管理中心",
      "重庆市医疗保险管理中心渝中区分中心",
      "重庆市医疗保险管理中心大渡口区分中心",
    ]);
    expect(small.agencies[0]).toEqual({
      code: CITY_CENTRE_AGENCY,
      name: "重庆市医疗保险管理中心",
      address: "重庆市渝中区人民路13号",
      postCode: "400015",
      phones: "023-63892206",
      districtCode: null,
    });
    expect(small.agencies[3]!.phones).toBe("023-63557890、023-63557889、023-63557883、023-63557896");
    for (const agency of small.agencies) {
      for (const phone of agency.phones.split("、")) expect(phone).toMatch(/^023-\d{8}$/);
      if (agency.districtCode) expect(districtCodes.has(agency.districtCode)).toBe(true);
    }
    expectUnique(small.agencies.map((a) => a.code));
  });

  test.each([
    { district: "500103", agency: "YB500103" },
    { district: "500101", agency: "YB500101" },
    { district: "500102", agency: "YB500102" },
    { district: "500104", agency: "YB500104" },
    { district: "500105", agency: CITY_CENTRE_AGENCY },
    { district: "500243", agency: CITY_CENTRE_AGENCY },
  ])("district $district is handled by $agency", ({ district, agency }) => {
    expect(agencyForDistrict(district)).toBe(agency);
  });

  test("demo staff", () => {
    expect(small.staff).toEqual([
      {
        staffNumber: "S0001",
        name: expect.any(String),
        agencyCode: CITY_CENTRE_AGENCY,
        password: "demo-staff-1",
      },
      {
        staffNumber: "S0002",
        name: expect.any(String),
        agencyCode: CITY_CENTRE_AGENCY,
        password: "demo-staff-2",
      },
      { staffNumber: "S0003", name: expect.any(String), agencyCode: "YB500103", password: "demo-staff-3" },
    ]);
  });

  test("institutions have unique codes, known districts and the right code letter", () => {
    expect(INSTITUTIONS.length).toBeGreaterThanOrEqual(100);
    expect(INSTITUTIONS[0]).toMatchObject({ code: "H50010300001", name: "重庆医科大学附属第一医院" });
    expect(new Set(INSTITUTIONS.map((i) => i.districtCode)).size).toBe(districtCodes.size);
    for (const type of ["HOSPITAL", "CLINIC", "PHARMACY", "FITNESS"] as const) {
      expect(INSTITUTIONS.filter((i) => i.type === type).length, type).toBeGreaterThanOrEqual(10);
    }
    expectUnique(INSTITUTIONS.map((i) => i.code));
    for (const inst of INSTITUTIONS) {
      expect(districtCodes.has(inst.districtCode)).toBe(true);
      expect(inst.code).toMatch(new RegExp(`^${CODE_LETTER[inst.type]}${inst.districtCode}\\d{5}$`));
      expect(inst.level === null).toBe(inst.type === "PHARMACY" || inst.type === "FITNESS");
    }
  });
});

describe("units and clerks", () => {
  test("ten units for 200 persons, the first one fixed", () => {
    expect(small.units).toHaveLength(10);
    expect(small.units[0]).toMatchObject({ unitNumber: "5001000001", name: "重庆两江智造科技有限公司" });
    expect(small.units.some((u) => u.unitNumber === BIG_UNIT_NUMBER)).toBe(false);
  });

  test("unit numbers, credit codes and names are valid and unique", () => {
    const data = generateDemo({ persons: 4000 });
    expect(data.units).toHaveLength(200);
    for (const unit of data.units) {
      expect(unit.unitNumber).toMatch(/^\d{10}$/);
      expect(isCreditCode(unit.creditCode), unit.creditCode).toBe(true);
      expect(unit.creditCode).toMatch(/^91(500000|\d{6})/);
      expect(districtCodes.has(unit.districtCode)).toBe(true);
      expect(unit.agencyCode).toBe(agencyForDistrict(unit.districtCode));
      expect(unit.name).toMatch(/^(重庆|.+（重庆）).+公司$/);
    }
    expectUnique(data.units.map((u) => u.unitNumber));
    expectUnique(data.units.map((u) => u.creditCode));
    expectUnique(data.units.map((u) => u.name));
  });

  test("employees counts the unit's in-service persons", () => {
    for (const unit of small.units) {
      const inService = small.persons.filter(
        (p) => p.unitNumber === unit.unitNumber && p.employmentStatus === "IN_SERVICE",
      );
      expect(unit.employees).toBe(inService.length);
    }
    expect(small.units[0]!.employees).toBeGreaterThanOrEqual(10);
  });

  test("one clerk per unit, clerk1 with demo-clerk-<n>", () => {
    expect(small.clerks).toHaveLength(small.units.length);
    expect(small.clerks[0]).toMatchObject({
      unitNumber: "5001000001",
      username: "clerk1",
      password: "demo-clerk-1",
    });
    small.clerks.forEach((clerk, k) => {
      expect(clerk).toMatchObject({
        unitNumber: small.units[k]!.unitNumber,
        username: "clerk1",
        password: `demo-clerk-${k + 1}`,
      });
      expect(clerk.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    });
  });
});

describe("persons", () => {
  test("the two fixed demo persons", () => {
    const [first, second] = small.persons;
    expect(first).toMatchObject({
      index: 0,
      cardNumber: "A10000001",
      initialPassword: "demo-person-1",
      category: "EMPLOYEE_UNIT",
      tier: null,
      employmentStatus: "IN_SERVICE",
      unitNumber: "5001000001",
      monthlyWageFen: 600_000,
      districtCode: "500103",
      agencyCode: "YB500103",
    });
    expect(first!.birthDate.slice(0, 4)).toBe("1988");
    expect(second).toMatchObject({
      index: 1,
      cardNumber: "A10000002",
      initialPassword: "demo-person-2",
      category: "EMPLOYEE_UNIT",
      employmentStatus: "RETIRED",
      unitNumber: "5001000001",
      monthlyWageFen: 0,
      districtCode: "500105",
      agencyCode: CITY_CENTRE_AGENCY,
    });
    expect(second!.birthDate.slice(0, 4)).toBe("1957");
    expect(small.persons.slice(2).every((p) => p.initialPassword === null)).toBe(true);
  });

  test("every ID number is valid and matches gender and birth date", () => {
    for (const p of small.persons) {
      const id = parseIdNumber(p.idNumber, TODAY);
      expect(id.value).toBe(p.idNumber);
      expect(id.gender).toBe(p.gender);
      expect(id.birthDate).toBe(p.birthDate);
    }
  });

  test("formats and references", () => {
    const unitNumbers = new Set(small.units.map((u) => u.unitNumber));
    small.persons.forEach((p, i) => {
      expect(p.index).toBe(i);
      expect(p.personalNumber).toMatch(/^50\d{8}$/);
      expect(p.cardNumber).toMatch(/^[A-Z]\d{8}$/);
      if (p.phone !== null) expect(p.phone).toMatch(/^1[35789]\d{9}$/);
      expect(p.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(districtCodes.has(p.districtCode)).toBe(true);
      expect(p.agencyCode).toBe(agencyForDistrict(p.districtCode));
      expect(p.tier === null).toBe(p.category === "EMPLOYEE_UNIT");
      if (p.unitNumber !== null) {
        expect(p.category).toBe("EMPLOYEE_UNIT");
        expect(unitNumbers.has(p.unitNumber)).toBe(true);
      }
      if (p.category === "EMPLOYEE_UNIT" && p.employmentStatus === "IN_SERVICE") {
        expect(p.unitNumber).not.toBeNull();
        expect(Number.isInteger(p.monthlyWageFen)).toBe(true);
        expect(p.monthlyWageFen).toBeGreaterThanOrEqual(300_000);
        expect(p.monthlyWageFen).toBeLessThanOrEqual(3_000_000);
      } else {
        expect(p.monthlyWageFen).toBe(0);
      }
      if (p.category !== "EMPLOYEE_UNIT") expect(p.employmentStatus).toBe("IN_SERVICE");
      expect(p.enrolmentStart).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(p.enrolmentStart <= LATEST_ENROLMENT_MONTH).toBe(true);
      expect(p.enrolmentStart >= p.birthDate.slice(0, 7)).toBe(true);
    });
  });

  test("birth years fit the status", () => {
    for (const p of small.persons) {
      const year = Number(p.birthDate.slice(0, 4));
      if (p.employmentStatus === "RETIRED") {
        expect(year).toBeGreaterThanOrEqual(1940);
        expect(year).toBeLessThanOrEqual(1965);
      } else if (p.category !== "RESIDENT") {
        expect(year).toBeGreaterThanOrEqual(1966);
        expect(year).toBeLessThanOrEqual(2004);
      } else {
        expect(year).toBeGreaterThanOrEqual(1940);
        expect(year).toBeLessThanOrEqual(2022);
      }
    }
  });

  test("the mix of categories is about 55 / 20 / 10 / 15 percent", () => {
    const unitInService = share(
      small,
      (p) => p.category === "EMPLOYEE_UNIT" && p.employmentStatus === "IN_SERVICE",
    );
    const unitRetired = share(
      small,
      (p) => p.category === "EMPLOYEE_UNIT" && p.employmentStatus === "RETIRED",
    );
    expect(unitInService).toBeGreaterThan(0.45);
    expect(unitInService).toBeLessThan(0.65);
    expect(unitRetired).toBeGreaterThan(0.13);
    expect(unitRetired).toBeLessThan(0.28);
    expect(share(small, (p) => p.category === "EMPLOYEE_INDIVIDUAL")).toBeGreaterThan(0.05);
    expect(share(small, (p) => p.category === "RESIDENT")).toBeGreaterThan(0.08);
    for (const tier of ["TIER1", "TIER2"] as const) {
      expect(small.persons.some((p) => p.category === "EMPLOYEE_INDIVIDUAL" && p.tier === tier)).toBe(true);
      expect(small.persons.some((p) => p.category === "RESIDENT" && p.tier === tier)).toBe(true);
    }
  });

  test("wages exercise the base floor and ceiling; some enrolments are recent; some phones missing", () => {
    const wages = small.persons.filter((p) => p.monthlyWageFen > 0).map((p) => p.monthlyWageFen);
    expect(wages.some((w) => w < 440_400)).toBe(true);
    expect(wages.some((w) => w > 2_201_700)).toBe(true);
    expect(wages.some((w) => w % 100 !== 0)).toBe(true);
    expect(small.persons.some((p) => p.enrolmentStart >= "2025-01")).toBe(true);
    expect(small.persons.some((p) => p.enrolmentStart >= "2026-01")).toBe(true);
    expect(small.persons.some((p) => p.phone === null)).toBe(true);
    expect(small.persons.some((p) => !p.idNumber.startsWith("50"))).toBe(true);
  });

  test("names: common surnames dominate, compound surnames occur", () => {
    const data = generateDemo({ persons: 3000 });
    const compound = data.persons.filter((p) => /^(欧阳|司马|诸葛)/.test(p.name));
    expect(compound.length).toBeGreaterThan(0);
    for (const p of compound) expect(p.name).toHaveLength(3);
    expect(share(data, (p) => /^[王李张刘陈]/.test(p.name))).toBeGreaterThan(0.2);
  });
});

describe("large datasets", () => {
  // Its speed (about 0.5 s for 100,000 here) is a benchmark's business, not a timed test's.
  const large = generateDemo({ persons: 100_000 });

  test("100,000 persons are generated", () => {
    expect(large.persons).toHaveLength(100_000);
  });

  test("identifiers and phones are unique at 100,000", () => {
    expectUnique(large.persons.map((p) => p.idNumber));
    expectUnique(large.persons.map((p) => p.personalNumber));
    expectUnique(large.persons.map((p) => p.cardNumber));
    expectUnique(large.persons.map((p) => p.phone));
    expectUnique(large.units.map((u) => u.creditCode));
  });

  test("contains the 200-person dataset as a prefix", () => {
    expect(large.persons.slice(0, 200)).toEqual(small.persons);
  });

  test.each([50_000, 100_000])("%i persons: one unit of exactly 10,000 employees", (persons) => {
    const data = persons === 100_000 ? large : generateDemo({ persons });
    const big = data.units.filter((u) => u.employees >= BIG_UNIT_EMPLOYEES);
    expect(big).toHaveLength(1);
    expect(big[0]).toMatchObject({ unitNumber: BIG_UNIT_NUMBER, employees: BIG_UNIT_EMPLOYEES });
    expect(isCreditCode(big[0]!.creditCode)).toBe(true);
    expect(data.persons.filter((p) => p.unitNumber === BIG_UNIT_NUMBER)).toHaveLength(BIG_UNIT_EMPLOYEES);
    expect(data.units.length).toBe(persons / 20 + 1);
    expect(data.clerks.at(-1)).toMatchObject({
      unitNumber: BIG_UNIT_NUMBER,
      password: `demo-clerk-${data.units.length}`,
    });
  });
});

describe("settlementEvents", () => {
  const sample = small.persons.slice(0, 120);
  const events = new Map(sample.map((p) => [p.index, settlementEvents(p, "2024-01", "2026-10")]));
  const all: SettlementEvent[] = [...events.values()].flat();

  test("deterministic, and a month's events do not depend on the range asked for", () => {
    const person = small.persons[2]!;
    expect(settlementEvents(person, "2024-01", "2026-10")).toEqual(events.get(2));
    const months = Array.from(
      { length: 34 },
      (_, k) => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`,
    );
    const byMonth = months.flatMap((m) => settlementEvents(person, m, m));
    expect(byMonth).toEqual(events.get(2));
    expect(settlementEvents(person, "2025-01", "2025-03")).toEqual(
      byMonth.filter((e) => e.date >= "2025-01-01" && e.date < "2025-04-01"),
    );
    expect(events.get(2)!.length).toBeGreaterThan(0);
    expect(settlementEvents(person, "2024-01", "2026-10", 99)).not.toEqual(events.get(2));
  });

  test("amounts are consistent integers in the expected ranges", () => {
    const institutions = new Map(INSTITUTIONS.map((i) => [i.code, i]));
    for (const e of all) {
      expect(Number.isSafeInteger(e.totalFen)).toBe(true);
      expect(Number.isSafeInteger(e.fundPayableFen)).toBe(true);
      expect(e.fundPayableFen + e.selfPayFen).toBe(e.totalFen);
      expect(e.fundPayableFen).toBeGreaterThanOrEqual(0);
      expect(e.selfPayFen).toBeGreaterThan(0);
      const inst = institutions.get(e.institutionCode);
      expect(inst?.name).toBe(e.institutionName);
      if (e.kind === "PHARMACY") {
        expect(inst?.type).toBe("PHARMACY");
        expect(e.fundPayableFen).toBe(0);
        expect(e.totalFen).toBeGreaterThanOrEqual(2_000);
        expect(e.totalFen).toBeLessThanOrEqual(30_000);
      } else if (e.kind === "OUTPATIENT") {
        expect(inst?.type).not.toBe("PHARMACY");
        expect(e.totalFen).toBeGreaterThanOrEqual(5_000);
        expect(e.totalFen).toBeLessThanOrEqual(80_000);
        expect(e.fundPayableFen).toBeLessThanOrEqual(e.totalFen / 2);
      } else {
        expect(inst?.type).toBe("HOSPITAL");
        expect(e.totalFen).toBeGreaterThanOrEqual(300_000);
        expect(e.totalFen).toBeLessThanOrEqual(6_000_000);
        expect(e.fundPayableFen / e.totalFen).toBeGreaterThanOrEqual(0.69);
        expect(e.fundPayableFen / e.totalFen).toBeLessThanOrEqual(0.91);
      }
    }
    const kinds = new Set(all.map((e) => e.kind));
    expect(kinds).toEqual(new Set(["PHARMACY", "OUTPATIENT", "INPATIENT"]));
  });

  test("dates lie in the months asked for, after the enrolment start, oldest first", () => {
    for (const person of sample) {
      const list = events.get(person.index)!;
      const dates = list.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) {
        expect(date >= "2024-01-01" && date <= "2026-10-31").toBe(true);
        expect(date.slice(0, 7) >= person.enrolmentStart).toBe(true);
        expect(Number.isNaN(Date.parse(`${date}T00:00:00Z`))).toBe(false);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }
    }
  });

  test("settlement numbers are unique and well formed", () => {
    expectUnique(all.map((e) => e.settlementNo));
    for (const e of all) {
      expect(e.settlementNo).toMatch(
        new RegExp(`^${e.institutionCode}-${e.date.replaceAll("-", "")}-\\d+-[1-9]\\d*$`),
      );
    }
  });

  test("about one to two events a month for employees, more for retirees", () => {
    const rate = (pred: (p: DemoPerson) => boolean) => {
      const people = small.persons.filter(pred);
      const months = (p: DemoPerson) => {
        const [y, m] = (p.enrolmentStart > "2024-01" ? p.enrolmentStart : "2024-01").split("-").map(Number);
        return (2026 - y!) * 12 + (10 - m!) + 1;
      };
      const count = people.reduce((n, p) => n + settlementEvents(p, "2024-01", "2026-10").length, 0);
      return count / people.reduce((n, p) => n + months(p), 0);
    };
    const inService = rate((p) => p.category === "EMPLOYEE_UNIT" && p.employmentStatus === "IN_SERVICE");
    const retired = rate((p) => p.employmentStatus === "RETIRED");
    expect(inService).toBeGreaterThan(1);
    expect(inService).toBeLessThan(2);
    expect(retired).toBeGreaterThan(inService);
    expect(rate((p) => p.category === "RESIDENT")).toBeGreaterThan(0.5);
  });

  test("rejects malformed months", () => {
    expect(() => settlementEvents(small.persons[0]!, "2024-13", "2025-01")).toThrow(RangeError);
    expect(() => settlementEvents(small.persons[0]!, "2024-1", "2025-01")).toThrow(RangeError);
  });
});
