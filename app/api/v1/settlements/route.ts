import { defineInstitutionRoute } from "@/lib/auth/institution";
import { fieldErrorsOf } from "@/lib/http/errors";
import { db } from "@/lib/db/client";
import { settleFromApi, settlementBodySchema } from "@/lib/services/settlement-api";

export const dynamic = "force-dynamic";

/** POST /api/v1/settlements — a designated institution settles a visit or purchase (DOMAIN §6). */
export const POST = defineInstitutionRoute(async (institution, request) => {
  const json: unknown = await request.json().catch(() => undefined);
  const parsed = settlementBodySchema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error.issues);
    const [field, message] = Object.entries(fields)[0] ?? ["body", "请求体应为 JSON"];
    return { status: 400, body: { error: { code: "INVALID_PARAMETER", message, field, fields } } };
  }
  const result = await settleFromApi(db(), institution, parsed.data);
  return { status: result.replayed ? 200 : 201, body: result };
});
