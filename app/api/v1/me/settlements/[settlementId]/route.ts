import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fenToNumber } from "@/lib/domain/money";
import { getSettlement } from "@/lib/services/get-settlement";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/settlements/{id} — one of the person's own settlements; anyone else's is a 404 (audited). */
export const GET = defineRoute<{ settlementId: string }>({
  role: "person",
  run: async (principal, _request, { params }) => {
    const { settlementId } = await params;
    const s = await getSettlement(db(), { personId: principal.id, settlementId });
    return {
      id: s.id,
      settlementNo: s.settlementNo,
      serviceDate: s.serviceDate,
      institution: s.institution,
      kind: s.kind,
      kindText: s.kindText,
      channel: s.channel,
      channelText: s.channelText,
      totalFen: fenToNumber(s.totalFen),
      fundPayableFen: fenToNumber(s.fundPayableFen),
      selfPayFen: fenToNumber(s.selfPayFen),
      fundPaidFen: fenToNumber(s.fundPaidFen),
      ownAccountFen: fenToNumber(s.ownAccountFen),
      linkedAccountFen: fenToNumber(s.linkedAccountFen),
      cashFen: fenToNumber(s.cashFen),
      linkedProvider: s.linkedProviderMaskedName,
      benefitStatus: s.benefitStatus,
      benefitStatusText: s.benefitStatusText,
      ownEntryId: s.ownEntryId?.toString() ?? null,
      settledAt: s.settledAt.toISOString(),
    };
  },
});
