/**
 * The statement as CSV, with the same filters as the page (DOMAIN §9), oldest first so the running
 * balance reads down the sheet. Escaping, the byte-order mark and the formula guard are in
 * lib/domain/csv.ts; amounts are numeric cells in yuan ("-6.00").
 */
import type { Db } from "@/lib/db/client";
import { type CsvCell, toCsv } from "@/lib/domain/csv";
import { formatDateCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import { statementSelect, statementWhere, toStatementRows } from "./list-statement";
import type { StatementQuery } from "./statement-query";

export const STATEMENT_CSV_HEADER = [
  "日期",
  "类型",
  "摘要",
  "对方",
  "金额(元)",
  "余额(元)",
  "计算说明",
  "流水号",
] as const;

/** A personal account gets a few dozen entries a year; this only stops a runaway export. */
export const STATEMENT_CSV_MAX_ROWS = 20_000;
const BATCH = 1_000;

export interface StatementCsv {
  fileName: string;
  asciiFileName: string;
  body: string;
  rows: number;
}

function fileNameParts(q: StatementQuery): { zh: string; ascii: string } {
  const parts: string[] = [];
  if (q.year !== undefined) parts.push(`${q.year}`);
  if (q.from !== undefined || q.to !== undefined) parts.push(`${q.from ?? ""}至${q.to ?? ""}`);
  const kind = q.kind !== undefined ? ENTRY_KIND_LABEL[q.kind] : null;
  const zh = ["个人账户明细", ...parts, ...(kind ? [kind] : [])].join("_");
  const ascii = [
    "statement",
    ...parts.map((p) => p.replace("至", "_to_")),
    ...(q.kind ? [q.kind.toLowerCase()] : []),
  ].join("-");
  return { zh: `${zh}.csv`, ascii: `${ascii}.csv` };
}

export async function exportStatementCsv(
  database: Db,
  options: Omit<StatementQuery, "after" | "before"> & { personId: number },
): Promise<StatementCsv> {
  const account = await database.account.findUnique({
    where: { personId: options.personId },
    select: { id: true },
  });
  if (!account) throw new DomainError("NO_ACCOUNT", "您没有职工医保个人账户,没有可导出的明细");
  const where = statementWhere(account.id, options);
  const total = await database.entry.count({ where });
  if (total > STATEMENT_CSV_MAX_ROWS) {
    throw new DomainError(
      "TOO_MANY_ROWS",
      `符合条件的明细有${total}条,超过单次导出上限${STATEMENT_CSV_MAX_ROWS}条,请缩小日期范围`,
    );
  }

  const lines: CsvCell[][] = [];
  let after: bigint | undefined;
  for (;;) {
    const batch = await database.entry.findMany({
      where: { ...where, ...(after !== undefined ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: statementSelect,
    });
    if (batch.length === 0) break;
    for (const r of await toStatementRows(database, batch)) {
      lines.push([
        formatDateCst(r.occurredAt),
        r.kindText,
        r.description,
        r.counterpartyMaskedName,
        { amountFen: r.amountFen },
        { amountFen: r.balanceAfterFen },
        r.explanation,
        r.id.toString(),
      ]);
    }
    after = batch.at(-1)!.id;
    if (batch.length < BATCH) break;
  }
  const names = fileNameParts(options);
  return {
    fileName: names.zh,
    asciiFileName: names.ascii,
    body: toCsv(STATEMENT_CSV_HEADER, lines),
    rows: lines.length,
  };
}
