import { z } from "zod";
import { classifyLoginId, isUnitNumber } from "@/lib/domain/identifiers";

const password = z.string({ error: "请输入密码" }).min(1, "请输入密码").max(128, "密码过长");

export const personSignInSchema = z.object({
  loginId: z
    .string({ error: "请输入社会保障卡号或身份证号" })
    .max(40, "请输入社会保障卡号或身份证号")
    .superRefine((value, ctx) => {
      const login = classifyLoginId(value);
      if (login.kind === "invalid") ctx.addIssue({ code: "custom", message: login.message });
    }),
  password,
});

export const clerkSignInSchema = z.object({
  unitNumber: z
    .string({ error: "请输入单位编号" })
    .trim()
    .refine(isUnitNumber, "单位编号应为10位数字"),
  username: z.string({ error: "请输入用户名" }).trim().min(1, "请输入用户名").max(32, "用户名过长"),
  password,
});

export const staffSignInSchema = z.object({
  staffNumber: z
    .string({ error: "请输入工号" })
    .trim()
    .regex(/^[A-Za-z]\d{4,8}$/, "工号应为1位字母加4至8位数字,如 S0001"),
  password,
});

export const changePasswordSchema = z
  .object({
    currentPassword: password,
    newPassword: z.string({ error: "请输入新密码" }).min(1, "请输入新密码").max(64, "新密码长度应为8到64位"),
    confirmPassword: z.string({ error: "请再次输入新密码" }).min(1, "请再次输入新密码"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });
