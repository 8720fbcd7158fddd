import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string({ error: "缺少 DATABASE_URL:请用 npm start 启动(会自动启动内置数据库),或设置 DATABASE_URL" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须是 postgresql:// 开头的连接串"),
  /**
   * Read replicas, comma-separated postgresql:// URLs. Statement and catalogue reads go to them (through
   * Prisma's read-replicas extension); postings, sessions and everything else stay on DATABASE_URL.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URLS 中每一项都必须是 postgresql:// 开头的连接串"))),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符").optional(),
  /** Signs the verification codes of printed statements and proofs; derived from AUTH_SECRET when unset. */
  VERIFY_SECRET: z.string().min(32, "VERIFY_SECRET 至少 32 个字符").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated environment; fails with a readable list of problems rather than a stack trace deep in a query. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
