/**
 * Designated medical institutions and pharmacies (定点医药机构) used by the demo data. The names are
 * real-sounding Chongqing institutions; the codes follow the national pattern (H/P + 6-digit area code
 * + 5 digits) but are made up, and the levels are indicative only.
 */
export type InstitutionType = "HOSPITAL" | "PHARMACY" | "CLINIC";

export interface Institution {
  code: string;
  name: string;
  /** 医院等级; null for pharmacies. */
  level: string | null;
  districtCode: string;
  type: InstitutionType;
}

export const INSTITUTIONS: readonly Institution[] = [
  // Tertiary hospitals (三级)
  {
    code: "H50010300001",
    name: "重庆医科大学附属第一医院",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010300002",
    name: "重庆医科大学附属第二医院",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010300003",
    name: "重庆医科大学附属儿童医院",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010300004",
    name: "重庆市人民医院",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010300005",
    name: "陆军特色医学中心(大坪医院)",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010300006",
    name: "重庆市急救医疗中心",
    level: "三级甲等",
    districtCode: "500103",
    type: "HOSPITAL",
  },
  {
    code: "H50010600001",
    name: "陆军军医大学第一附属医院(西南医院)",
    level: "三级甲等",
    districtCode: "500106",
    type: "HOSPITAL",
  },
  {
    code: "H50010600002",
    name: "陆军军医大学第二附属医院(新桥医院)",
    level: "三级甲等",
    districtCode: "500106",
    type: "HOSPITAL",
  },
  {
    code: "H50010600003",
    name: "重庆大学附属肿瘤医院",
    level: "三级甲等",
    districtCode: "500106",
    type: "HOSPITAL",
  },
  { code: "H50010500001", name: "重庆市中医院", level: "三级甲等", districtCode: "500105", type: "HOSPITAL" },
  {
    code: "H50010500002",
    name: "重庆市江北区人民医院",
    level: "三级乙等",
    districtCode: "500105",
    type: "HOSPITAL",
  },
  {
    code: "H50010800001",
    name: "重庆市第五人民医院",
    level: "三级甲等",
    districtCode: "500108",
    type: "HOSPITAL",
  },
  {
    code: "H50010700001",
    name: "重庆市九龙坡区人民医院",
    level: "三级乙等",
    districtCode: "500107",
    type: "HOSPITAL",
  },
  {
    code: "H50011200001",
    name: "重庆市渝北区人民医院",
    level: "三级乙等",
    districtCode: "500112",
    type: "HOSPITAL",
  },
  {
    code: "H50011300001",
    name: "重庆市巴南区人民医院",
    level: "三级乙等",
    districtCode: "500113",
    type: "HOSPITAL",
  },
  {
    code: "H50010900001",
    name: "重庆市北碚区中医院",
    level: "三级乙等",
    districtCode: "500109",
    type: "HOSPITAL",
  },
  {
    code: "H50010100001",
    name: "重庆大学附属三峡医院",
    level: "三级甲等",
    districtCode: "500101",
    type: "HOSPITAL",
  },
  {
    code: "H50010200001",
    name: "重庆市涪陵中心医院",
    level: "三级甲等",
    districtCode: "500102",
    type: "HOSPITAL",
  },
  {
    code: "H50011600001",
    name: "重庆市江津区中心医院",
    level: "三级乙等",
    districtCode: "500116",
    type: "HOSPITAL",
  },
  {
    code: "H50011800001",
    name: "重庆医科大学附属永川医院",
    level: "三级甲等",
    districtCode: "500118",
    type: "HOSPITAL",
  },
  {
    code: "H50011700001",
    name: "重庆市合川区人民医院",
    level: "三级乙等",
    districtCode: "500117",
    type: "HOSPITAL",
  },
  // Secondary hospitals (二级)
  {
    code: "H50010400001",
    name: "重庆市大渡口区人民医院",
    level: "二级甲等",
    districtCode: "500104",
    type: "HOSPITAL",
  },
  {
    code: "H50011500001",
    name: "重庆市长寿区中医院",
    level: "二级甲等",
    districtCode: "500115",
    type: "HOSPITAL",
  },
  // Community health centres (社区卫生服务中心, 一级)
  {
    code: "H50010300101",
    name: "渝中区大坪街道社区卫生服务中心",
    level: "一级",
    districtCode: "500103",
    type: "CLINIC",
  },
  {
    code: "H50010500101",
    name: "江北区观音桥街道社区卫生服务中心",
    level: "一级",
    districtCode: "500105",
    type: "CLINIC",
  },
  {
    code: "H50010600101",
    name: "沙坪坝区小龙坎街道社区卫生服务中心",
    level: "一级",
    districtCode: "500106",
    type: "CLINIC",
  },
  {
    code: "H50010700101",
    name: "九龙坡区杨家坪街道社区卫生服务中心",
    level: "一级",
    districtCode: "500107",
    type: "CLINIC",
  },
  {
    code: "H50010800101",
    name: "南岸区南坪街道社区卫生服务中心",
    level: "一级",
    districtCode: "500108",
    type: "CLINIC",
  },
  {
    code: "H50011200101",
    name: "渝北区龙溪街道社区卫生服务中心",
    level: "一级",
    districtCode: "500112",
    type: "CLINIC",
  },
  {
    code: "H50010400101",
    name: "大渡口区新山村街道社区卫生服务中心",
    level: "一级",
    districtCode: "500104",
    type: "CLINIC",
  },
  {
    code: "H50010100101",
    name: "万州区高笋塘街道社区卫生服务中心",
    level: "一级",
    districtCode: "500101",
    type: "CLINIC",
  },
  // Designated retail pharmacies (定点零售药店)
  {
    code: "P50010300001",
    name: "重庆和平药房解放碑店",
    level: null,
    districtCode: "500103",
    type: "PHARMACY",
  },
  {
    code: "P50010500001",
    name: "重庆和平药房观音桥店",
    level: null,
    districtCode: "500105",
    type: "PHARMACY",
  },
  {
    code: "P50011200001",
    name: "重庆和平药房新牌坊店",
    level: null,
    districtCode: "500112",
    type: "PHARMACY",
  },
  {
    code: "P50010400001",
    name: "重庆和平药房大渡口店",
    level: null,
    districtCode: "500104",
    type: "PHARMACY",
  },
  {
    code: "P50010600001",
    name: "桐君阁大药房三峡广场店",
    level: null,
    districtCode: "500106",
    type: "PHARMACY",
  },
  {
    code: "P50010700001",
    name: "桐君阁大药房杨家坪店",
    level: null,
    districtCode: "500107",
    type: "PHARMACY",
  },
  { code: "P50010800001", name: "重庆鑫斛药房南坪店", level: null, districtCode: "500108", type: "PHARMACY" },
  { code: "P50011300001", name: "桐君阁大药房鱼洞店", level: null, districtCode: "500113", type: "PHARMACY" },
  {
    code: "P50010100001",
    name: "桐君阁大药房万州高笋塘店",
    level: null,
    districtCode: "500101",
    type: "PHARMACY",
  },
  { code: "P50010200001", name: "重庆和平药房涪陵店", level: null, districtCode: "500102", type: "PHARMACY" },
];
