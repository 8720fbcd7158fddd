/** Form schemas of the office console (one place, so the forms and the JSON API validate alike). */
import { z } from "zod";
import { LINKAGE_DOCUMENTS, type LinkageDocuments } from "@/lib/domain/linkage";

const identifier = (label: string) =>
  z
    .string({ error: `请输入${label}的身份证号或社会保障卡号` })
    .trim()
    .min(1, `请输入${label}的身份证号或社会保障卡号`)
    .max(40, "号码过长");

export const reasonField = z
  .string({ error: "请填写原因" })
  .trim()
  .min(2, "请填写原因(至少2个字)")
  .max(200, "原因不超过200个字");

const id = z.coerce
  .number({ error: "编号无效" })
  .int("编号无效")
  .positive("编号无效")
  .max(2_147_483_647, "编号无效");

/** Checkboxes arrive as "on" when ticked and are absent otherwise; JSON sends booleans. */
const tick = z
  .union([z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

export const documentsShape = Object.fromEntries(LINKAGE_DOCUMENTS.map((d) => [d.key, tick])) as Record<
  keyof LinkageDocuments,
  typeof tick
>;

export function documentsOf(input: Record<string, unknown>): LinkageDocuments {
  return Object.fromEntries(LINKAGE_DOCUMENTS.map((d) => [d.key, input[d.key] === true])) as LinkageDocuments;
}

export const counterRequestSchema = z.object({
  user: identifier("使用人"),
  provider: identifier("提供人"),
  ...documentsShape,
});
export const approveSchema = z.object({ requestId: id, ...documentsShape });
export const refuseSchema = z.object({ requestId: id, reason: reasonField });
export const cancelLinkageSchema = z.object({ linkageId: id, reason: reasonField });
export const lookUpSchema = z.object({
  query: z
    .string({ error: "请输入身份证号或社会保障卡号" })
    .trim()
    .min(1, "请输入身份证号或社会保障卡号")
    .max(40, "号码过长"),
  reason: reasonField,
});
export const cardActionSchema = z
  .object({
    personId: id,
    cardId: id,
    operation: z.enum(["preLoss", "cancelPreLoss", "formalLoss", "collected"], { error: "未知的操作" }),
    confirm: z.literal("yes").optional().catch(undefined),
  })
  .refine((v) => v.operation !== "formalLoss" || v.confirm === "yes", {
    path: ["confirm"],
    message: "请先勾选确认:已告知参保人正式挂失不可撤销",
  });
export const enrolSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]{16,64}$/, "启用信息已失效,请刷新页面"),
  signature: z.string().min(10).max(100),
  code: z
    .string({ error: "请输入动态口令" })
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "动态口令为6位数字")),
});
