/**
 * npm run bench:catalogue -- [--rows 100000] [--runs 40] [--keep]
 *
 * How fast the public catalogue search (lib/services/search-catalogue.ts) answers at catalogue scale:
 * `--rows` drugs and as many treatment items in a fresh database of their own (openTestCluster
 * ("bench-catalogue")), then each kind of search `--runs` times through the service itself (Prisma,
 * both queries: the page and the capped count), reporting p50 / p95 / max in milliseconds.
 *
 * The rows: 60% repeat the curated names (prisma/seed/catalogue-data.ts) with unique codes, as the real
 * code lists repeat a name once per maker and pack; 40% are made-up names of 2-6 characters drawn from
 * a pool of characters common in drug names, plus a dosage-form word, so rare fragments exist too.
 * "Rare" searches cycle through fragments cut from those made-up names, so no two runs in a row ask the
 * same thing. The tables are VACUUM ANALYZEd after loading (flushes the GIN pending lists).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/lib/db/client";
import {
  type CatalogueSearchOptions,
  searchDrugs,
  searchTreatmentItems,
} from "@/lib/services/search-catalogue";
import { DRUGS, TREATMENT_ITEMS } from "@/prisma/seed/catalogues";
import { Rng } from "@/prisma/seed/prng";
import { onShutdown } from "@/scripts/lib/runtime";
import { freshDatabase, openTestCluster } from "@/scripts/lib/test-db";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    runs: { type: "string", default: "40" },
    keep: { type: "boolean", default: false },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
if (
  !Number.isInteger(rows) ||
  rows < 1000 ||
  rows > 2_000_000 ||
  !Number.isInteger(runs) ||
  runs < 5 ||
  runs > 1000
) {
  console.error("--rows should be 1000..2000000 and --runs 5..1000");
  process.exit(2);
}

// Characters common in Chinese drug and procedure names, for the made-up rows.
const POOL = [
  ..."阿莫西林头孢克洛地平沙坦他汀普利洛尔唑嗪胺酮酸钠钾钙镁锌铁氢氯化硫磷乙甲丙丁戊己醇醛酯胺肽素霉星沙星",
  ..."康泰安宁清热解毒活血化瘀通络止痛消炎降压糖脂心脑肝肾肺胃肠骨关节皮肤眼耳鼻喉口腔妇儿科",
  ..."复方维生素氨基葡萄糖注射用缓释控释肠溶分散咀嚼滴丸颗粒胶囊软膏乳膏凝胶贴剂喷雾吸入混悬溶液糖浆",
  ..."黄芪当归丹参三七川芎红花桃仁赤芍白芍甘草茯苓白术人参党参麦冬五味子枸杞菊花金银连翘板蓝根",
  ..."检查测定治疗手术超声造影穿刺引流置管切除修补成形移植透析监测护理诊查会诊麻醉镇痛康复训练针刺灸",
];
const FORMS = ["片", "胶囊", "注射液", "颗粒", "口服液", "软膏", "丸", "缓释片", "滴眼液", "贴"];
const UNITS = ["次", "项", "日", "部位", "例"];

function madeUpName(rng: Rng): string {
  let name = "";
  const length = rng.int(2, 6);
  for (let i = 0; i < length; i++) name += rng.pick(POOL);
  return name;
}

async function load(database: Db, rng: Rng) {
  const madeUp: string[] = [];
  const chunk = 5_000;
  for (let start = 0; start < rows; start += chunk) {
    const drugs = [];
    const items = [];
    for (let i = start; i < Math.min(rows, start + chunk); i++) {
      const serial = String(i).padStart(7, "0");
      const cls = rng.pick(["甲", "乙", "乙", "丙"]);
      if (i % 10 < 6) {
        const d = DRUGS[i % DRUGS.length]!;
        const t = TREATMENT_ITEMS[i % TREATMENT_ITEMS.length]!;
        drugs.push({ ...d, code: `${d.code}M${serial}` });
        items.push({ ...t, code: `${t.code}${serial}` });
      } else {
        const drugName = madeUpName(rng) + rng.pick(FORMS);
        const itemName = madeUpName(rng);
        if (madeUp.length < 2_000) madeUp.push(drugName);
        drugs.push({
          code: `X${String.fromCharCode(65 + rng.int(0, 25))}${serial}`,
          name: drugName,
          dosageForm: "口服常释剂型",
          specification: "10mg",
          category: "合成数据",
          class: cls,
          paymentNotes: null,
        });
        items.push({
          code: `9${serial}${rng.int(10, 99)}`,
          name: itemName,
          unit: rng.pick(UNITS),
          category: "合成数据",
          class: cls,
          paymentNotes: null,
        });
      }
    }
    await database.drug.createMany({ data: drugs });
    await database.treatmentItem.createMany({ data: items });
  }
  await database.$executeRawUnsafe("VACUUM ANALYZE drugs");
  await database.$executeRawUnsafe("VACUUM ANALYZE treatment_items");
  return madeUp;
}

/** `count` fragments of `length` characters cut from made-up names (which have at least that many). */
function fragments(names: string[], length: number, count: number, rng: Rng): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const chars = [...rng.pick(names)];
    if (chars.length < length) continue;
    const at = rng.int(0, chars.length - length);
    out.push(chars.slice(at, at + length).join(""));
  }
  return out;
}

interface Case {
  label: string;
  catalogue: "药品" | "诊疗项目";
  /** One option set per run (cycled). */
  options: CatalogueSearchOptions[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(database: Db, c: Case) {
  const search = c.catalogue === "药品" ? searchDrugs : searchTreatmentItems;
  for (let i = 0; i < 3; i++) await search(database, c.options[i % c.options.length]!); // warm-up
  const times: number[] = [];
  const matched: number[] = [];
  let capped = false;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const page = await search(database, c.options[i % c.options.length]!);
    times.push(performance.now() - started);
    matched.push(page.total);
    capped ||= page.totalCapped;
  }
  times.sort((a, b) => a - b);
  const fewest = Math.min(...matched);
  const most = Math.max(...matched);
  const shown = (n: number) => (capped && n === most ? `> ${n}` : String(n));
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    matched: fewest === most ? shown(most) : `${fewest} – ${shown(most)}`,
  };
}

const cluster = await openTestCluster("bench-catalogue");
onShutdown(() => cluster.stop());
const url = await freshDatabase(cluster, "bench_catalogue");
const database = createDb(url);
const rng = new Rng(20261128);

try {
  const loadStarted = performance.now();
  const madeUp = await load(database, rng);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(`loaded ${rows} drugs and ${rows} treatment items in ${loadSeconds.toFixed(1)} s`);

  const firstPage = await searchDrugs(database, { q: "阿莫西林" });
  const fullCode = await database.drug.findFirstOrThrow({
    where: { code: { startsWith: "XJ01CA04A002M" } },
    select: { code: true },
  });
  const middle = await database.drug.findFirstOrThrow({
    orderBy: { code: "asc" },
    skip: Math.floor(rows / 2),
    select: { code: true },
  });
  const cases: Case[] = [
    { label: "中文片段 3+ 字,常见(阿莫西林)", catalogue: "药品", options: [{ q: "阿莫西林" }] },
    {
      label: `中文片段 3 字(每次换一个,共 ${runs} 个)`,
      catalogue: "药品",
      options: fragments(madeUp, 3, runs, rng).map((q) => ({ q })),
    },
    { label: "中文片段 2 字,常见(头孢)", catalogue: "药品", options: [{ q: "头孢" }] },
    {
      label: `中文片段 2 字(每次换一个,共 ${runs} 个)`,
      catalogue: "药品",
      options: fragments(madeUp, 2, runs, rng).map((q) => ({ q })),
    },
    { label: "中文 1 字(丸)", catalogue: "药品", options: [{ q: "丸" }] },
    { label: "两个词(头孢 注射用)", catalogue: "药品", options: [{ q: "头孢 注射用" }] },
    { label: "代码前缀(xj01ca)", catalogue: "药品", options: [{ q: "xj01ca" }] },
    { label: "完整代码", catalogue: "药品", options: [{ q: fullCode.code }] },
    { label: "片段 + 类别(胰岛素,乙类)", catalogue: "药品", options: [{ q: "胰岛素", class: "乙" }] },
    { label: "类别筛选(丙类),无关键词", catalogue: "药品", options: [{ class: "丙" }] },
    {
      label: "下一页(阿莫西林,after)",
      catalogue: "药品",
      options: [{ q: "阿莫西林", after: firstPage.nextCursor ?? undefined }],
    },
    { label: "浏览全部,中间一页(after)", catalogue: "药品", options: [{ after: middle.code }] },
    { label: "中文片段 3 字(诊查费)", catalogue: "诊疗项目", options: [{ q: "诊查费" }] },
    { label: "中文 1 字(镜)", catalogue: "诊疗项目", options: [{ q: "镜" }] },
    { label: "代码前缀(1102)", catalogue: "诊疗项目", options: [{ q: "1102" }] },
  ];

  const results = [];
  for (const c of cases) {
    const r = await measure(database, c);
    results.push({ ...c, ...r });
    console.log(
      `${c.catalogue} ${c.label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
    );
  }

  const [server] = await database.$queryRaw<
    { version: string }[]
  >`SELECT split_part(version(), ' ', 2) AS version`;
  const version = server?.version ?? "?";
  const report = [
    "# bench:catalogue — public catalogue search at scale",
    "",
    `\`npm run bench:catalogue -- --rows ${rows} --runs ${runs}\` — ${new Date().toISOString()}`,
    "",
    "| machine | |",
    "| --- | --- |",
    `| CPUs | ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"} |`,
    `| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`,
    `| Node / PostgreSQL | ${process.version} / ${version} (embedded) |`,
    `| load average at the end (other work on the machine) | ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")} |`,
    `| rows | ${rows.toLocaleString("en-US")} drugs + ${rows.toLocaleString("en-US")} treatment items, loaded in ${loadSeconds.toFixed(1)} s |`,
    "",
    `Each line: ${runs} calls of the service (page of 20 + capped count, through Prisma), after 3 warm-up calls.`,
    "",
    "| catalogue | search | matched | p50 ms | p95 ms | max ms |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.catalogue} | ${r.label} | ${r.matched} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`,
    ),
    "",
  ].join("\n");
  writeFileSync(path.join(HERE, "results-catalogue.md"), report);
  console.log(`\n${report}`);
} finally {
  await database.$disconnect();
  if (!values.keep) await cluster.stop();
}
