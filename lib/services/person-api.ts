/**
 * The JSON shapes of /api/v1/me/* (other channels: app, WeChat, kiosks): the same services as the
 * pages, amounts as integer fen, days as "YYYY-MM-DD", instants in ISO 8601, cursors as strings.
 * Nothing here reads the database.
 */
import { formatDateCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { fenToNumber } from "@/lib/domain/money";
import type { ContributionRow } from "./list-contributions";
import type { SettlementRow } from "./list-settlements";
import type { StatementRow } from "./list-statement";
import type { ParsedQuery } from "./statement-query";

/** The first refused parameter as a 400 with its Chinese message. */
export function assertValidQuery<T>(parsed: ParsedQuery<T>): T {
  const [field, message] = Object.entries(parsed.errors)[0] ?? [];
  if (field && message) throw new DomainError("INVALID_QUERY", message, { field });
  return parsed.query;
}

export function statementRowJson(r: StatementRow) {
  return {
    id: r.id.toString(),
    date: formatDateCst(r.occurredAt),
    occurredAt: r.occurredAt.toISOString(),
    kind: r.kind,
    kindText: r.kindText,
    description: r.description,
    counterparty: r.counterpartyMaskedName,
    amountFen: fenToNumber(r.amountFen),
    balanceAfterFen: fenToNumber(r.balanceAfterFen),
    explanation: r.explanation,
  };
}

export function contributionRowJson(r: ContributionRow) {
  return {
    month: r.month,
    unitName: r.unitName,
    baseFen: fenToNumber(r.baseFen),
    unitBasicFen: fenToNumber(r.unitBasicFen),
    employeeBasicFen: fenToNumber(r.employeeBasicFen),
    unitMutualAidFen: fenToNumber(r.unitMutualAidFen),
    employeeMutualAidFen: fenToNumber(r.employeeMutualAidFen),
    mutualAidFen: fenToNumber(r.mutualAidFen),
    dueFen: fenToNumber(r.dueFen),
    ltcAccountFen: fenToNumber(r.ltcAccountFen),
    state: r.state,
    stateText: r.stateText,
    paidOn: r.paidOn,
  };
}

export function settlementRowJson(r: SettlementRow) {
  return {
    id: r.id,
    serviceDate: r.serviceDate,
    institutionName: r.institutionName,
    kind: r.kind,
    kindText: r.kindText,
    totalFen: fenToNumber(r.totalFen),
    fundPaidFen: fenToNumber(r.fundPaidFen),
    ownAccountFen: fenToNumber(r.ownAccountFen),
    linkedAccountFen: fenToNumber(r.linkedAccountFen),
    cashFen: fenToNumber(r.cashFen),
  };
}
