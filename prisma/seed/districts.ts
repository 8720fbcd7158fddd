/**
 * Chongqing's 38 districts and counties (GB/T 2260), copied from prisma/data/chongqing-districts.csv so
 * the generator stays free of I/O. generate.test.ts checks the two stay equal.
 */
export interface DistrictRow {
  code: string;
  name: string;
  kind: "district" | "county";
}

export const CHONGQING_DISTRICTS: readonly DistrictRow[] = [
  { code: "500101", name: "万州区", kind: "district" },
  { code: "500102", name: "涪陵区", kind: "district" },
  { code: "500103", name: "渝中区", kind: "district" },
  { code: "500104", name: "大渡口区", kind: "district" },
  { code: "500105", name: "江北区", kind: "district" },
  { code: "500106", name: "沙坪坝区", kind: "district" },
  { code: "500107", name: "九龙坡区", kind: "district" },
  { code: "500108", name: "南岸区", kind: "district" },
  { code: "500109", name: "北碚区", kind: "district" },
  { code: "500110", name: "綦江区", kind: "district" },
  { code: "500111", name: "大足区", kind: "district" },
  { code: "500112", name: "渝北区", kind: "district" },
  { code: "500113", name: "巴南区", kind: "district" },
  { code: "500114", name: "黔江区", kind: "district" },
  { code: "500115", name: "长寿区", kind: "district" },
  { code: "500116", name: "江津区", kind: "district" },
  { code: "500117", name: "合川区", kind: "district" },
  { code: "500118", name: "永川区", kind: "district" },
  { code: "500119", name: "南川区", kind: "district" },
  { code: "500120", name: "璧山区", kind: "district" },
  { code: "500151", name: "铜梁区", kind: "district" },
  { code: "500152", name: "潼南区", kind: "district" },
  { code: "500153", name: "荣昌区", kind: "district" },
  { code: "500154", name: "开州区", kind: "district" },
  { code: "500155", name: "梁平区", kind: "district" },
  { code: "500156", name: "武隆区", kind: "district" },
  { code: "500229", name: "城口县", kind: "county" },
  { code: "500230", name: "丰都县", kind: "county" },
  { code: "500231", name: "垫江县", kind: "county" },
  { code: "500233", name: "忠县", kind: "county" },
  { code: "500235", name: "云阳县", kind: "county" },
  { code: "500236", name: "奉节县", kind: "county" },
  { code: "500237", name: "巫山县", kind: "county" },
  { code: "500238", name: "巫溪县", kind: "county" },
  { code: "500240", name: "石柱土家族自治县", kind: "county" },
  { code: "500241", name: "秀山土家族苗族自治县", kind: "county" },
  { code: "500242", name: "酉阳土家族苗族自治县", kind: "county" },
  { code: "500243", name: "彭水苗族土家族自治县", kind: "county" },
];

/** The nine central urban districts (中心城区), where most employers and employees are. */
export const MAIN_URBAN_DISTRICTS: ReadonlySet<string> = new Set([
  "500103", // 渝中
  "500104", // 大渡口
  "500105", // 江北
  "500106", // 沙坪坝
  "500107", // 九龙坡
  "500108", // 南岸
  "500109", // 北碚
  "500112", // 渝北
  "500113", // 巴南
]);

/**
 * Resident population in units of 10,000, rounded, roughly the 2020 census (assumed; used only to
 * weight where demo persons and units are).
 */
export const DISTRICT_POPULATION_10K: Readonly<Record<string, number>> = {
  "500101": 156,
  "500102": 112,
  "500103": 59,
  "500104": 42,
  "500105": 93,
  "500106": 148,
  "500107": 152,
  "500108": 120,
  "500109": 84,
  "500110": 101,
  "500111": 84,
  "500112": 219,
  "500113": 118,
  "500114": 49,
  "500115": 69,
  "500116": 136,
  "500117": 125,
  "500118": 115,
  "500119": 57,
  "500120": 76,
  "500151": 69,
  "500152": 69,
  "500153": 67,
  "500154": 120,
  "500155": 65,
  "500156": 36,
  "500229": 20,
  "500230": 56,
  "500231": 65,
  "500233": 72,
  "500235": 93,
  "500236": 75,
  "500237": 46,
  "500238": 39,
  "500240": 39,
  "500241": 48,
  "500242": 61,
  "500243": 50,
};
