/**
 * The institutions' settlement call: finds the person by card or ID number and settles.
 * The institution comes from its API key, never from the body alone.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { cstNoon, formatDateCst } from "@/lib/domain/dates";
import { DomainError } from "@/lib/domain/errors";
import { isCardNumber } from "@/lib/domain/identifiers";
import { isIdNumber } from "@/lib/domain/id-number";
import { fenToNumber } from "@/lib/domain/money";
import type { InstitutionPrincipal } from "@/lib/auth/institution";
import { settle } from "./settle";

const fen = (label: string) =>
  z
    .number({ error: `${label}必须是以分为单位的整数` })
    .int(`${label}必须是以分为单位的整数`)
    .min(0, `${label}不能为负`)
    .max(Number.MAX_SAFE_INTEGER, `${label}超出范围`);

export const settlementBodySchema = z
  .object(
    {
      institutionCode: z
        .string({ error: "缺少 institutionCode(机构编码)" })
        .min(1, "缺少 institutionCode(机构编码)")
        .max(20, "机构编码过长"),
      settlementNo: z
        .string({ error: "缺少 settlementNo(结算单号)" })
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "结算单号应为1到64位字母、数字、下划线或连字符"),
      cardNumber: z
        .string({ error: "cardNumber 应为字符串" })
        .refine(isCardNumber, "社会保障卡号应为1位大写字母加8位数字")
        .optional(),
      idNumber: z
        .string({ error: "idNumber 应为字符串" })
        .refine((v) => isIdNumber(v), "身份证号无效")
        .optional(),
      serviceDate: z
        .string({ error: "缺少 serviceDate(就诊日期)" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, "就诊日期格式应为 YYYY-MM-DD"),
      kind: z.enum(["pharmacy", "outpatient", "inpatient"], {
        error: "kind 应为 pharmacy、outpatient 或 inpatient",
      }),
      totalFen: fen("总金额"),
      fundPayableFen: fen("统筹应付"),
      selfPayFen: fen("个人自付"),
      channel: z.enum(["card", "voucher"], { error: "channel 应为 card 或 voucher" }),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `不支持的字段:${issue.keys.join("、")}` : "请求体应为 JSON 对象",
    },
  )
  .strict()
  .refine((b) => b.cardNumber || b.idNumber, {
    message: "须提供 cardNumber 或 idNumber",
    path: ["cardNumber"],
  })
  .refine((b) => b.channel !== "card" || b.cardNumber, {
    message: "刷卡结算须提供 cardNumber",
    path: ["cardNumber"],
  });

export type SettlementBody = z.infer<typeof settlementBodySchema>;

export async function settleFromApi(
  database: Db,
  institution: InstitutionPrincipal,
  body: SettlementBody,
  now = new Date(),
) {
  if (body.institutionCode !== institution.code) {
    throw new DomainError("FORBIDDEN", "机构编码与接口密钥不符");
  }
  const serviceDay = cstNoon(body.serviceDate);
  // Round trip catches 2026-02-30 and the like, which Date would silently roll over.
  if (Number.isNaN(serviceDay.getTime()) || formatDateCst(serviceDay) !== body.serviceDate) {
    throw new DomainError("INVALID_PARAMETER", "就诊日期无效", { field: "serviceDate" });
  }
  if (body.serviceDate > formatDateCst(now))
    throw new DomainError("INVALID_PARAMETER", "就诊日期不能晚于今天", { field: "serviceDate" });

  const person = body.cardNumber
    ? (await database.card.findUnique({ where: { cardNumber: body.cardNumber }, select: { personId: true } }))
        ?.personId
    : (
        await database.person.findUnique({
          where: { idNumber: body.idNumber!.toUpperCase() },
          select: { id: true },
        })
      )?.id;
  if (person === undefined) throw new DomainError("NOT_FOUND", "未找到该参保人");

  const institutionRow = await database.institution.findUniqueOrThrow({
    where: { id: institution.id },
    select: { name: true },
  });
  const result = await settle(
    database,
    {
      institutionId: institution.id,
      institutionCode: institution.code,
      institutionName: institutionRow.name,
      settlementNo: body.settlementNo,
      personId: person,
      cardNumber: body.cardNumber ?? null,
      serviceDate: body.serviceDate,
      kind: body.kind.toUpperCase() as "PHARMACY" | "OUTPATIENT" | "INPATIENT",
      channel: body.channel.toUpperCase() as "CARD" | "VOUCHER",
      totalFen: BigInt(body.totalFen),
      fundPayableFen: BigInt(body.fundPayableFen),
      selfPayFen: BigInt(body.selfPayFen),
    },
    now,
  );
  return {
    settlementId: result.settlementId,
    replayed: result.replayed,
    benefitStatus: result.benefitStatus,
    fundPaidFen: fenToNumber(result.fundPaidFen),
    ownAccountFen: fenToNumber(result.ownAccountFen),
    linkedAccountFen: fenToNumber(result.linkedAccountFen),
    cashFen: fenToNumber(result.cashFen),
  };
}
