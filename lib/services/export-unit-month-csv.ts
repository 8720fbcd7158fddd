/**
 * One month's employees as CSV (DOMAIN §9 "CSV export"): UTF-8 with BOM for Excel/WPS, names masked as on
 * the page, amounts as plain decimal yuan. The month is checked (and a forged one refused) before the
 * first byte; the lines are then read a slice at a time in keyset order, so a 10,000-employee month is
 * streamed without holding it in memory.
 */
import type { Db } from "@/lib/db/client";
import { attachmentDisposition, CSV_BOM, type CsvCell, csvLine } from "@/lib/domain/csv";
import { LINE_SELECT, resolveUnitMonth, searchFilter, toEmployeeLineRow } from "./list-unit-month-employees";

const SLICE = 2_000;

export const UNIT_MONTH_CSV_HEADER = [
  "月份",
  "个人编号",
  "姓名",
  "人员状态",
  "缴费基数",
  "单位基本医疗(8.5%)",
  "单位大额互助(1.5%)",
  "单位部分合计",
  "个人基本医疗(2%)",
  "个人大额互助",
  "个人部分合计",
  "大额互助合计",
  "应缴合计",
  "已缴",
  "欠费",
  "缴费状态",
] as const;

export interface UnitMonthCsv {
  fileName: string;
  contentDisposition: string;
  /** The file, BOM and header first. */
  chunks: AsyncGenerator<string>;
}

export async function exportUnitMonthCsv(
  database: Db,
  options: { clerkId: number; unitNumber?: string | null; month: string; q?: string | null },
): Promise<UnitMonthCsv> {
  const { unit, state } = await resolveUnitMonth(database, options);
  const search = searchFilter(options.q);
  const fileName = `单位缴费明细-${unit.unitNumber}-${state.month}.csv`;

  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(UNIT_MONTH_CSV_HEADER);
    let after = 0;
    for (;;) {
      const lines = await database.contributionLine.findMany({
        where: { unitMonthId: state.id, personId: { gt: after }, ...search.where },
        orderBy: { personId: "asc" },
        take: SLICE,
        select: LINE_SELECT,
      });
      if (lines.length === 0) return;
      let text = "";
      for (const line of lines) {
        const r = toEmployeeLineRow(line, state);
        const fen = (amountFen: bigint): CsvCell => ({ amountFen });
        text += csvLine([
          state.month,
          r.personalNumber,
          r.maskedName,
          r.employmentStatusText,
          fen(r.baseFen),
          fen(r.unitBasicFen),
          fen(r.unitMutualAidFen),
          fen(r.unitPartFen),
          fen(r.employeeBasicFen),
          fen(r.employeeMutualAidFen),
          fen(r.employeePartFen),
          fen(r.mutualAidFen),
          fen(r.dueFen),
          fen(r.paidFen),
          fen(r.arrearsFen),
          r.stateText,
        ]);
      }
      yield text;
      if (lines.length < SLICE) return;
      after = lines.at(-1)!.personId;
    }
  }

  return {
    fileName,
    contentDisposition: attachmentDisposition(fileName, `unit-${unit.unitNumber}-${state.month}.csv`),
    chunks: chunks(),
  };
}
