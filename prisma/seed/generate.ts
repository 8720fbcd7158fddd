/**
 * Deterministic demo-data generator for the Chongqing medical-insurance portal. Pure: no I/O, no clock,
 * no Math.random. Every person, unit and settlement month draws from its own PRNG stream keyed by
 * (seed, stream, index), so a bigger dataset contains a smaller one as a prefix: person i only depends on
 * the seed, on i, and on persons before i (uniqueness re-draws, the big unit's quota).
 */
import { makeIdNumber } from "@/lib/domain/id-number";
import { creditCodeCheckChar } from "@/lib/domain/identifiers";
import { CHONGQING_DISTRICTS, DISTRICT_POPULATION_10K, MAIN_URBAN_DISTRICTS } from "./districts";
import { INSTITUTIONS, type Institution, type InstitutionType } from "./institutions";
import { chineseName, companyName } from "./names";
import { Rng, type Weighted, weighted } from "./prng";

export const DEFAULT_SEED = 20261128;
/** No generated enrolment starts after this month (the demo's "today" is late 2026). */
export const LATEST_ENROLMENT_MONTH = "2026-10";
export const MAX_PERSONS = 5_000_000;
/** From this many persons on, the dataset holds one unit with exactly BIG_UNIT_EMPLOYEES employees. */
export const BIG_UNIT_MIN_PERSONS = 50_000;
export const BIG_UNIT_EMPLOYEES = 10_000;
export const BIG_UNIT_NUMBER = "5001900001";
/** In-service unit employees from this index on fill the big unit first (full well before 50,000). */
const BIG_UNIT_FIRST_PERSON = 20_000;

export const CITY_CENTRE_AGENCY = "YB500000";

export interface GenerateOptions {
  persons: number;
  seed?: number;
}

export interface DemoDistrict {
  code: string;
  name: string;
  kind: string;
}

export interface DemoAgency {
  code: string;
  name: string;
  address: string;
  postCode: string | null;
  phones: string;
  districtCode: string | null;
}

export interface DemoUnit {
  unitNumber: string;
  name: string;
  creditCode: string;
  districtCode: string;
  agencyCode: string;
  /** In-service persons of this unit in the dataset (retirees who keep the unit are not counted). */
  employees: number;
}

export interface DemoStaff {
  staffNumber: string;
  name: string;
  agencyCode: string;
  password: string;
}

export interface DemoClerk {
  unitNumber: string;
  username: string;
  name: string;
  password: string;
}

export type Category = "EMPLOYEE_UNIT" | "EMPLOYEE_INDIVIDUAL" | "RESIDENT";
export type TierValue = "TIER1" | "TIER2";
export type EmploymentStatusValue = "IN_SERVICE" | "RETIRED";

export interface DemoPerson {
  /** 0-based position in the dataset. */
  index: number;
  idNumber: string;
  personalNumber: string;
  cardNumber: string;
  name: string;
  gender: "M" | "F";
  /** YYYY-MM-DD, the one encoded in idNumber. */
  birthDate: string;
  phone: string | null;
  districtCode: string;
  agencyCode: string;
  category: Category;
  tier: TierValue | null;
  employmentStatus: EmploymentStatusValue;
  unitNumber: string | null;
  monthlyWageFen: number;
  /** YYYY-MM: first month of the current enrolment. */
  enrolmentStart: string;
  /** Demo persons only; for the others the initial password is the last 6 digits of personalNumber. */
  initialPassword: string | null;
}

export interface DemoData {
  districts: DemoDistrict[];
  agencies: DemoAgency[];
  units: DemoUnit[];
  staff: DemoStaff[];
  clerks: DemoClerk[];
  persons: DemoPerson[];
}

export type SettlementKind = "PHARMACY" | "OUTPATIENT" | "INPATIENT";

export interface SettlementEvent {
  /** YYYY-MM-DD */
  date: string;
  kind: SettlementKind;
  institutionCode: string;
  institutionName: string;
  totalFen: number;
  fundPayableFen: number;
  selfPayFen: number;
  /** `${institutionCode}-${YYYYMMDD}-${personIndex}-${n}`, n counting the person's events in that month. */
  settlementNo: string;
}

// ---------------------------------------------------------------------------------------------------
// Fixed reference data

/** The five agencies of seed 000, phone numbers written out in full, duplicates dropped. */
export const AGENCIES: readonly DemoAgency[] = [
  {
    code: CITY_CENTRE_AGENCY,
    name: "重庆市医疗保险管理中心",
    address: "重庆市渝中区人民路13号",
    postCode: "400015",
    phones: "023-63892206",
    // Citywide: it handles every district without its own agency (it sits in 渝中区, which has one).
    districtCode: null,
  },
  {
    code: "YB500101",
    name: "重庆市万州区城镇职工基本医疗保险中心",
    address: "重庆市万州区周家坝心连心广场",
    postCode: null,
    phones: "023-58240606、023-58240330、023-58340326",
    districtCode: "500101",
  },
  {
    code: "YB500102",
    name: "重庆市涪陵区医疗保险事业管理中心",
    address: "重庆市涪陵区顺江大道6号行政服务中心二楼",
    postCode: null,
    phones: "023-87806121、023-87806106、023-87806119",
    districtCode: "500102",
  },
  {
    code: "YB500103",
    name: "重庆市医疗保险管理中心渝中区分中心",
    address: "重庆市渝中区中山一路218号中银大厦负三楼",
    postCode: null,
    phones: "023-63557890、023-63557889、023-63557883、023-63557896",
    districtCode: "500103",
  },
  {
    code: "YB500104",
    name: "重庆市医疗保险管理中心大渡口区分中心",
    address: "重庆市大渡口区双山路11号",
    postCode: null,
    phones: "023-68951283、023-68950803、023-68951183",
    districtCode: "500104",
  },
];

const AGENCY_BY_DISTRICT = new Map(
  AGENCIES.filter((a) => a.districtCode !== null).map((a) => [a.districtCode!, a.code]),
);

/** The agency handling someone in this district: its own agency if it has one, else the city centre. */
export function agencyForDistrict(districtCode: string): string {
  return AGENCY_BY_DISTRICT.get(districtCode) ?? CITY_CENTRE_AGENCY;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { staffNumber: "S0001", name: "刘芳", agencyCode: CITY_CENTRE_AGENCY, password: "demo-staff-1" },
  { staffNumber: "S0002", name: "陈建华", agencyCode: CITY_CENTRE_AGENCY, password: "demo-staff-2" },
  { staffNumber: "S0003", name: "赵敏", agencyCode: "YB500103", password: "demo-staff-3" },
];

const FIRST_UNIT = { unitNumber: "5001000001", name: "重庆两江智造科技有限公司", districtCode: "500112" };
const BIG_UNIT = {
  unitNumber: BIG_UNIT_NUMBER,
  name: "重庆渝创智能汽车制造集团有限公司",
  districtCode: "500112",
  orgBody: "MA600000",
};

/** Areas outside Chongqing people were born in (Sichuan, Guizhou, Hubei, Hunan, Shaanxi, ...). */
const OUTSIDE_AREA_CODES = [
  "510107",
  "510104",
  "510106",
  "511302",
  "511602",
  "520102",
  "520302",
  "420106",
  "420102",
  "430104",
  "610113",
  "110105",
  "310115",
  "440305",
  "530102",
  "422801",
  "433101",
];
/** Chongqing's urban districts as they were coded while part of Sichuan (before 1997). */
const SICHUAN_ERA_CODES = ["510202", "510203", "510211", "510212", "510213", "510214", "510215"];

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "157",
  "158",
  "159",
  "173",
  "176",
  "177",
  "178",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "191",
  "193",
  "195",
  "198",
  "199",
];

const PERSON_DISTRICTS: Weighted<string> = weighted(
  CHONGQING_DISTRICTS.map((d) => [
    d.code,
    (DISTRICT_POPULATION_10K[d.code] ?? 30) * (MAIN_URBAN_DISTRICTS.has(d.code) ? 1.6 : 1),
  ]),
);
const UNIT_DISTRICTS: Weighted<string> = weighted(
  CHONGQING_DISTRICTS.map((d) => [
    d.code,
    (DISTRICT_POPULATION_10K[d.code] ?? 30) * (MAIN_URBAN_DISTRICTS.has(d.code) ? 3 : 1),
  ]),
);

/** PRNG stream numbers: each kind of thing draws from its own streams. */
const Stream = { Person: 1, Unit: 2, Clerk: 3, Events: 4, PersonalNumber: 5 } as const;

// ---------------------------------------------------------------------------------------------------
// Small helpers

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** Months since year 0: "2026-11" -> 2026 * 12 + 10. */
function monthIndex(ym: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(ym);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`expected a month as YYYY-MM, got "${ym}"`);
  return Number(match[1]) * 12 + month - 1;
}

function monthString(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
}

function randomMonth(rng: Rng, from: number, to: number): number {
  return to <= from ? from : rng.int(from, to);
}

function randomDateInYear(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, daysInMonth(year, month));
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

const LATEST_ENROLMENT = monthIndex(LATEST_ENROLMENT_MONTH);
const RECENT_FROM = monthIndex("2025-01");

// ---------------------------------------------------------------------------------------------------
// Units

export function unitCountFor(persons: number): number {
  return Math.max(10, Math.floor(Math.max(persons - 1, 0) / 20) + 1);
}

/** Units open by the time person i joins: grows with the dataset, so earlier persons never see later units. */
function unitsOpenAt(personIndex: number): number {
  return unitCountFor(personIndex + 1);
}

/** Skewed pick: older units are bigger employers. */
function pickUnitIndex(rng: Rng, open: number): number {
  return Math.min(open - 1, Math.floor(open * rng.next() ** 1.5));
}

/** GB 32100 allows digits and upper-case letters without I, O, S, V, Z. */
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check character of an 8-character organization code body. */
function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charAt(i);
    const value = ch >= "0" && ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

function creditCode(areaCode: string, orgBody: string): string {
  const first17 = `91${areaCode}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return first17 + creditCodeCheckChar(first17);
}

function randomOrgBody(rng: Rng): string {
  if (rng.chance(0.4)) return pad(rng.int(0, 99_999_999), 8);
  let body = "MA";
  for (let i = 0; i < 6; i++) body += CREDIT_CHARS.charAt(rng.int(0, CREDIT_CHARS.length - 1));
  return body;
}

interface UnitDraft {
  unitNumber: string;
  name: string;
  creditCode: string;
  districtCode: string;
}

class UnitFactory {
  readonly drafts: UnitDraft[] = [];
  private readonly names = new Set<string>([BIG_UNIT.name]);
  private readonly codes = new Set<string>([bigUnitDraft().creditCode]);

  constructor(private readonly seed: number) {}

  ensure(count: number): void {
    while (this.drafts.length < count) this.drafts.push(this.make(this.drafts.length));
  }

  private make(k: number): UnitDraft {
    const rng = Rng.of(this.seed, Stream.Unit, k);
    const first = k === 0;
    const districtCode = first ? FIRST_UNIT.districtCode : rng.pickWeighted(UNIT_DISTRICTS);
    let name = first ? FIRST_UNIT.name : companyName(rng);
    for (let attempt = 1; this.names.has(name); attempt++) {
      name = attempt < 20 ? companyName(rng) : companyName(rng).replace(/公司$/, `第${k}分公司`);
    }
    this.names.add(name);
    // Many units are registered with the city (area 500000), the others with their district.
    const area = rng.chance(0.25) ? "500000" : districtCode;
    let code = creditCode(area, randomOrgBody(rng));
    while (this.codes.has(code)) code = creditCode(area, randomOrgBody(rng));
    this.codes.add(code);
    return { unitNumber: `5001${pad(k + 1, 6)}`, name, creditCode: code, districtCode };
  }
}

function bigUnitDraft(): UnitDraft {
  return {
    unitNumber: BIG_UNIT.unitNumber,
    name: BIG_UNIT.name,
    creditCode: creditCode(BIG_UNIT.districtCode, BIG_UNIT.orgBody),
    districtCode: BIG_UNIT.districtCode,
  };
}

// ---------------------------------------------------------------------------------------------------
// Persons

interface PersonState {
  readonly seed: number;
  readonly units: UnitFactory;
  readonly idNumbers: Set<string>;
  readonly phones: Set<string>;
  bigUnitEmployees: number;
  readonly personalOffset: number;
}

/** Personal numbers "50" + 8 digits: an affine bijection of the index mod 10^8, so unique by construction. */
const PERSONAL_STRIDE = 38_245_709; // coprime with 10^8

function personalNumber(state: PersonState, index: number): string {
  return `50${pad((index * PERSONAL_STRIDE + state.personalOffset) % 100_000_000, 8)}`;
}

function cardNumber(index: number): string {
  return `A1${pad(index + 1, 7)}`;
}

function uniqueIdNumber(state: PersonState, rng: Rng, area: string, birthDate: string, gender: "M" | "F") {
  for (;;) {
    // Odd sequence = male, even = female.
    const id = makeIdNumber(area, birthDate, rng.int(0, 499) * 2 + (gender === "M" ? 1 : 0));
    if (!state.idNumbers.has(id)) {
      state.idNumbers.add(id);
      return id;
    }
  }
}

function uniquePhone(state: PersonState, rng: Rng): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
    if (!state.phones.has(phone)) {
      state.phones.add(phone);
      return phone;
    }
  }
}

function idAreaCode(rng: Rng, districtCode: string, birthYear: number): string {
  const r = rng.next();
  if (r < 0.08) return rng.pick(OUTSIDE_AREA_CODES);
  if (birthYear < 1997 && r < 0.2) return rng.pick(SICHUAN_ERA_CODES);
  if (r < 0.75) return districtCode;
  return rng.pickWeighted(PERSON_DISTRICTS);
}

/** Triangular-ish year between from and to (both included): the middle years are the most common. */
function middleYear(rng: Rng, from: number, to: number): number {
  return from + Math.round(((rng.next() + rng.next()) / 2) * (to - from));
}

/**
 * Monthly wage in fen: log-normal around 6,200 yuan (about a fifth under the 2025 base floor of 4,404),
 * plus about 5% managers above the 22,017 ceiling; 3,000 to 30,000 yuan; some with fen so rounding shows.
 */
function drawWageFen(rng: Rng): number {
  let yuan: number;
  if (rng.chance(0.05)) {
    yuan = rng.int(22_100, 30_000);
  } else {
    do yuan = Math.round(6200 * Math.exp(0.42 * rng.normal()));
    while (yuan < 3000 || yuan > 30_000);
  }
  const fen = yuan < 30_000 && rng.chance(0.3) ? rng.int(1, 99) : 0;
  return yuan * 100 + fen;
}

function fixedPerson(state: PersonState, index: 0 | 1): DemoPerson {
  const base = {
    index,
    personalNumber: personalNumber(state, index),
    cardNumber: cardNumber(index),
    category: "EMPLOYEE_UNIT" as const,
    tier: null,
    unitNumber: FIRST_UNIT.unitNumber,
  };
  const person: DemoPerson =
    index === 0
      ? {
          ...base,
          idNumber: makeIdNumber("500103", "1988-05-16", 271),
          name: "李明",
          gender: "M",
          birthDate: "1988-05-16",
          phone: "13983010001",
          districtCode: "500103",
          agencyCode: agencyForDistrict("500103"),
          employmentStatus: "IN_SERVICE",
          monthlyWageFen: 600_000,
          enrolmentStart: "2012-07",
          initialPassword: "demo-person-1",
        }
      : {
          ...base,
          idNumber: makeIdNumber("500105", "1957-03-08", 46),
          name: "王秀英",
          gender: "F",
          birthDate: "1957-03-08",
          phone: "13608320002",
          districtCode: "500105",
          agencyCode: agencyForDistrict("500105"),
          employmentStatus: "RETIRED",
          monthlyWageFen: 0,
          enrolmentStart: "2001-01",
          initialPassword: "demo-person-2",
        };
  state.idNumbers.add(person.idNumber);
  if (person.phone) state.phones.add(person.phone);
  return person;
}

function makePerson(state: PersonState, index: number): DemoPerson {
  if (index === 0 || index === 1) return fixedPerson(state, index);
  const rng = Rng.of(state.seed, Stream.Person, index);

  // Category mix: 55% unit in service, 20% unit retired, 10% individual, 15% resident.
  const roll = rng.next();
  const category: Category = roll < 0.75 ? "EMPLOYEE_UNIT" : roll < 0.85 ? "EMPLOYEE_INDIVIDUAL" : "RESIDENT";
  const employmentStatus: EmploymentStatusValue = roll >= 0.55 && roll < 0.75 ? "RETIRED" : "IN_SERVICE";
  const retired = employmentStatus === "RETIRED";
  const gender = rng.chance(retired ? 0.47 : 0.51) ? "M" : "F";

  let birthYear: number;
  if (retired) {
    // 1940-1965, more of the younger retirees.
    birthYear = 1965 - Math.floor(26 * rng.next() ** 1.5);
  } else if (category === "RESIDENT") {
    // Resident insurance covers children and students, adults without employee insurance, the elderly.
    const r = rng.next();
    birthYear = r < 0.3 ? rng.int(2005, 2022) : r < 0.75 ? middleYear(rng, 1966, 2004) : rng.int(1940, 1965);
  } else {
    // Working age; women in service born from 1972 (women workers retire earlier).
    birthYear = middleYear(rng, gender === "M" ? 1966 : 1972, 2004);
  }
  const birthDate = randomDateInYear(rng, birthYear);
  const birthMonth = monthIndex(birthDate.slice(0, 7));

  let unitNumber: string | null = null;
  let unitDistrict: string | null = null;
  if (category === "EMPLOYEE_UNIT") {
    const toBigUnit =
      !retired && index >= BIG_UNIT_FIRST_PERSON && state.bigUnitEmployees < BIG_UNIT_EMPLOYEES;
    if (toBigUnit) {
      state.bigUnitEmployees++;
      unitNumber = BIG_UNIT.unitNumber;
      unitDistrict = BIG_UNIT.districtCode;
    } else if (!retired || rng.chance(0.85)) {
      // Most retirees keep their former unit; the others are managed directly by the agency.
      const unit = state.units.drafts[pickUnitIndex(rng, unitsOpenAt(index))]!;
      unitNumber = unit.unitNumber;
      unitDistrict = unit.districtCode;
    }
  }

  const districtCode =
    unitDistrict !== null && !retired && rng.chance(0.6) ? unitDistrict : rng.pickWeighted(PERSON_DISTRICTS);
  const idNumber = uniqueIdNumber(state, rng, idAreaCode(rng, districtCode, birthYear), birthDate, gender);
  const name = chineseName(rng, gender, birthYear);

  let tier: TierValue | null = null;
  if (category === "EMPLOYEE_INDIVIDUAL") tier = rng.chance(0.45) ? "TIER1" : "TIER2";
  if (category === "RESIDENT") tier = rng.chance(0.85) ? "TIER1" : "TIER2";

  const phoneChance = birthYear >= 2010 ? 0.1 : birthYear >= 2005 ? 0.6 : retired ? 0.85 : 0.94;
  const phone = rng.chance(phoneChance) ? uniquePhone(state, rng) : null;

  const monthlyWageFen = category === "EMPLOYEE_UNIT" && !retired ? drawWageFen(rng) : 0;

  let start: number;
  const adult = birthMonth + 20 * 12;
  if (category === "EMPLOYEE_UNIT" && retired) {
    // Chongqing's employee medical insurance dates from about 1999; retirees joined before retiring.
    const retiredAt = birthMonth + (gender === "M" ? 60 : 50) * 12;
    start = randomMonth(
      rng,
      Math.max(monthIndex("1999-01"), adult),
      Math.min(retiredAt, monthIndex("2015-12")),
    );
  } else if (category === "EMPLOYEE_UNIT") {
    const earliest = Math.max(monthIndex("2001-01"), adult);
    start = rng.chance(0.12)
      ? randomMonth(rng, Math.max(RECENT_FROM, earliest), LATEST_ENROLMENT)
      : randomMonth(rng, earliest, LATEST_ENROLMENT);
  } else if (category === "EMPLOYEE_INDIVIDUAL") {
    const earliest = Math.max(monthIndex("2010-01"), adult);
    start = rng.chance(0.25)
      ? randomMonth(rng, Math.max(RECENT_FROM, earliest), LATEST_ENROLMENT)
      : randomMonth(rng, earliest, LATEST_ENROLMENT);
  } else {
    // Residents enrol for calendar years; a newborn from the month of birth.
    const firstYear = Math.max(2010, birthYear);
    const year = rng.chance(0.2) ? rng.int(Math.max(2025, firstYear), 2026) : rng.int(firstYear, 2026);
    start = Math.max(year * 12, birthMonth);
  }
  start = Math.min(start, LATEST_ENROLMENT);

  return {
    index,
    idNumber,
    personalNumber: personalNumber(state, index),
    cardNumber: cardNumber(index),
    name,
    gender,
    birthDate,
    phone,
    districtCode,
    agencyCode: agencyForDistrict(districtCode),
    category,
    tier,
    employmentStatus,
    unitNumber,
    monthlyWageFen,
    enrolmentStart: monthString(start),
    initialPassword: null,
  };
}

// ---------------------------------------------------------------------------------------------------
// The dataset

export function generateDemo(opts: GenerateOptions): DemoData {
  const { persons: count, seed = DEFAULT_SEED } = opts;
  if (!Number.isInteger(count) || count < 0 || count > MAX_PERSONS) {
    throw new RangeError(`generateDemo: persons must be an integer in 0..${MAX_PERSONS}, got ${count}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`generateDemo: seed must be an integer, got ${seed}`);

  const unitFactory = new UnitFactory(seed);
  unitFactory.ensure(unitCountFor(count));
  const state: PersonState = {
    seed,
    units: unitFactory,
    idNumbers: new Set(),
    phones: new Set(),
    bigUnitEmployees: 0,
    personalOffset: Rng.of(seed, Stream.PersonalNumber).int(0, 99_999_999),
  };

  const persons: DemoPerson[] = new Array(count);
  const employees = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const person = makePerson(state, i);
    persons[i] = person;
    if (person.unitNumber !== null && person.employmentStatus === "IN_SERVICE") {
      employees.set(person.unitNumber, (employees.get(person.unitNumber) ?? 0) + 1);
    }
  }

  const drafts = state.bigUnitEmployees > 0 ? [...unitFactory.drafts, bigUnitDraft()] : unitFactory.drafts;
  const units: DemoUnit[] = drafts.map((d) => ({
    ...d,
    agencyCode: agencyForDistrict(d.districtCode),
    employees: employees.get(d.unitNumber) ?? 0,
  }));
  const clerks: DemoClerk[] = units.map((u, k) => {
    const rng = Rng.of(seed, Stream.Clerk, u.unitNumber === BIG_UNIT_NUMBER ? -1 : k);
    const gender = rng.chance(0.6) ? "F" : "M";
    return {
      unitNumber: u.unitNumber,
      username: "clerk1",
      name: chineseName(rng, gender, rng.int(1970, 1998)),
      password: `demo-clerk-${k + 1}`,
    };
  });

  return {
    districts: CHONGQING_DISTRICTS.map((d) => ({ ...d })),
    agencies: AGENCIES.map((a) => ({ ...a })),
    units,
    staff: DEMO_STAFF.map((s) => ({ ...s })),
    clerks,
    persons,
  };
}

// ---------------------------------------------------------------------------------------------------
// Settlements (visits and purchases), generated per person and month on demand

function byType(type: InstitutionType): {
  all: Weighted<Institution>;
  byDistrict: Map<string, Institution[]>;
} {
  const list = INSTITUTIONS.filter((i) => i.type === type);
  const byDistrict = new Map<string, Institution[]>();
  for (const inst of list)
    byDistrict.set(inst.districtCode, [...(byDistrict.get(inst.districtCode) ?? []), inst]);
  // Big tertiary hospitals draw patients from the whole city.
  const all = weighted(list.map((i) => [i, i.level === "三级甲等" ? 3 : 1] as const));
  return { all, byDistrict };
}

const PHARMACIES = byType("PHARMACY");
const HOSPITALS = byType("HOSPITAL");
const CLINICS = byType("CLINIC");

function pickInstitution(rng: Rng, pool: ReturnType<typeof byType>, districtCode: string): Institution {
  const local = pool.byDistrict.get(districtCode);
  if (local && rng.chance(0.75)) return rng.pick(local);
  return rng.pickWeighted(pool.all);
}

function eventsPerMonth(person: DemoPerson, year: number): number {
  const age = year - Number(person.birthDate.slice(0, 4));
  if (person.employmentStatus === "RETIRED") return 2.2;
  if (person.category === "RESIDENT") return age < 18 ? 0.9 : age >= 60 ? 1.8 : 0.8;
  return person.category === "EMPLOYEE_INDIVIDUAL" ? 1.1 : 1.3;
}

type EventDraft = Omit<SettlementEvent, "date" | "settlementNo">;

function makeEvent(rng: Rng, person: DemoPerson): EventDraft {
  const inpatientShare = person.employmentStatus === "RETIRED" ? 0.02 : 0.01;
  const r = rng.next();
  if (r < inpatientShare) {
    // Inpatient: 3,000-60,000 yuan, the pooled fund pays 70-90%.
    const institution = pickInstitution(rng, HOSPITALS, person.districtCode);
    const totalFen = Math.round(rng.logUniform(3_000, 60_000) * 100);
    const fundPayableFen = Math.round(totalFen * (0.7 + 0.2 * rng.next()));
    return kindOf("INPATIENT", institution, totalFen, fundPayableFen);
  }
  if (r < inpatientShare + 0.43) {
    // Outpatient: 50-800 yuan; about a third below the deductible (fund 0), otherwise the fund pays up to 50%.
    const pool = rng.chance(0.45) ? CLINICS : HOSPITALS;
    const institution = pickInstitution(rng, pool, person.districtCode);
    const totalFen = Math.round(rng.logUniform(50, 800) * 100);
    const fundPayableFen = rng.chance(0.35) ? 0 : Math.floor(totalFen * 0.5 * rng.next());
    return kindOf("OUTPATIENT", institution, totalFen, fundPayableFen);
  }
  // Pharmacy: 20-300 yuan, priced to the jiao, all self-pay.
  const institution = pickInstitution(rng, PHARMACIES, person.districtCode);
  const totalFen = Math.round(rng.logUniform(20, 300) * 10) * 10;
  return kindOf("PHARMACY", institution, totalFen, 0);
}

function kindOf(
  kind: SettlementKind,
  institution: Institution,
  totalFen: number,
  fundPayableFen: number,
): EventDraft {
  return {
    kind,
    institutionCode: institution.code,
    institutionName: institution.name,
    totalFen,
    fundPayableFen,
    selfPayFen: totalFen - fundPayableFen,
  };
}

/**
 * The person's settlements in the months fromMonth..toMonth (YYYY-MM, both included), oldest first.
 * Months before the person's current enrolment yield nothing. Each month has its own PRNG stream, so a
 * month's events are the same whatever range is asked for.
 */
export function settlementEvents(
  person: DemoPerson,
  fromMonth: string,
  toMonth: string,
  seed: number = DEFAULT_SEED,
): SettlementEvent[] {
  const from = Math.max(monthIndex(fromMonth), monthIndex(person.enrolmentStart));
  const to = monthIndex(toMonth);
  const events: SettlementEvent[] = [];
  for (let m = from; m <= to; m++) {
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const rng = Rng.of(seed, Stream.Events, person.index, m);
    const count = rng.poisson(eventsPerMonth(person, year));
    if (count === 0) continue;
    const days = daysInMonth(year, month);
    const drafts = Array.from({ length: count }, () => ({
      day: rng.int(1, days),
      event: makeEvent(rng, person),
    }));
    drafts.sort((a, b) => a.day - b.day);
    drafts.forEach(({ day, event }, n) => {
      const date = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
      events.push({
        ...event,
        date,
        settlementNo: `${event.institutionCode}-${date.replaceAll("-", "")}-${person.index}-${n + 1}`,
      });
    });
  }
  return events;
}
