/**
 * The statement's filters (year, kind, date range) and keyset cursors, read the same way by the page,
 * the CSV export and the JSON API. Each field is checked on its own, so one bad value is reported
 * beside its field and the others still apply.
 */
import { z } from "zod";
import { ENTRY_KIND_LABEL } from "@/lib/domain/labels";
import type { EntryKind } from "@/lib/generated/prisma/enums";

/** Kinds that appear on a personal account (the fund-side kinds never do). */
export const STATEMENT_KINDS = [
  "MONTHLY_CREDIT",
  "BACK_CREDIT",
  "OUTPATIENT",
  "PHARMACY",
  "INPATIENT_SELF_PAY",
  "LINKED_PAYMENT",
  "LTC_DEDUCTION",
  "MUTUAL_AID_DEDUCTION",
  "COMMERCIAL_INSURANCE",
  "FITNESS",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "REVERSAL",
] as const satisfies readonly EntryKind[];

export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_KIND_OPTIONS = STATEMENT_KINDS.map((value) => ({
  value,
  label: ENTRY_KIND_LABEL[value],
}));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const day = (label: string) =>
  z
    .string()
    .refine(isRealDay, `${label}格式应为 YYYY-MM-DD,如 2026-01-31`)
    .refine((v) => v >= "2000-01-01" && v <= "2100-12-31", `${label}超出可查询范围`);

const cursor = z
  .string()
  .regex(/^\d{1,18}$/, "翻页参数无效")
  .transform(BigInt);

const fields = {
  year: z.coerce.number({ error: "年度无效" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效"),
  kind: z.enum(STATEMENT_KINDS, { error: "明细类型无效" }),
  from: day("开始日期"),
  to: day("结束日期"),
  after: cursor,
  before: cursor,
};

export interface StatementQuery {
  year?: number;
  kind?: StatementKind;
  /** First day, "YYYY-MM-DD" (China calendar), inclusive. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  after?: bigint;
  before?: bigint;
}

export interface ParsedQuery<T> {
  query: T;
  /** Field name → Chinese message; empty when everything was valid. */
  errors: Record<string, string>;
}

type Raw = URLSearchParams | Record<string, string | string[] | undefined>;

function rawValue(raw: Raw, key: string): string | undefined {
  const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseStatementQuery(raw: Raw): ParsedQuery<StatementQuery> {
  const query: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const value = rawValue(raw, key);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) query[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "参数无效";
  }
  const q = query as StatementQuery;
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    errors.to = "结束日期不能早于开始日期";
    delete q.to;
  }
  return { query: q, errors };
}

/** The filters (not the cursors) as URL parameters, for links that keep them. */
export function statementFilterParams(q: StatementQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.year !== undefined) p.set("year", String(q.year));
  if (q.kind !== undefined) p.set("kind", q.kind);
  if (q.from !== undefined) p.set("from", q.from);
  if (q.to !== undefined) p.set("to", q.to);
  return p;
}

/** Settlements pages: a cursor is "<YYYY-MM-DD>.<id>" (service date, then id, newest first). */
export interface SettlementCursor {
  serviceDate: string;
  id: number;
}

const settlementCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\d{1,9}$/, "翻页参数无效")
  .refine((v) => isRealDay(v.slice(0, 10)), "翻页参数无效")
  .transform((v): SettlementCursor => ({ serviceDate: v.slice(0, 10), id: Number(v.slice(11)) }));

export interface SettlementQuery {
  year?: number;
  after?: SettlementCursor;
  before?: SettlementCursor;
}

export function parseSettlementQuery(raw: Raw): ParsedQuery<SettlementQuery> {
  const query: SettlementQuery = {};
  const errors: Record<string, string> = {};
  const parsers = { year: fields.year, after: settlementCursor, before: settlementCursor };
  for (const [key, schema] of Object.entries(parsers)) {
    const value = rawValue(raw, key);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) (query as Record<string, unknown>)[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "参数无效";
  }
  return { query, errors };
}

export function formatSettlementCursor(c: SettlementCursor): string {
  return `${c.serviceDate}.${c.id}`;
}

/** An id from a URL segment: digits only, or null (the page then answers 404). */
export function idFromSegment(segment: string, maxDigits = 18): bigint | null {
  return new RegExp(`^\\d{1,${maxDigits}}$`).test(segment) ? BigInt(segment) : null;
}
