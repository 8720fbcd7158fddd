import { defineRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getPersonBenefit } from "@/lib/services/get-person-benefit";
import { listContributions } from "@/lib/services/list-contributions";
import { assertValidQuery, contributionRowJson } from "@/lib/services/person-api";
import { parseSettlementQuery } from "@/lib/services/statement-query";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/contributions?year= — the person's contribution months, newest first, with the arrears warning. */
export const GET = defineRoute({
  role: "person",
  run: async (principal, request) => {
    const { year } = assertValidQuery(parseSettlementQuery(new URL(request.url).searchParams));
    const [history, benefit] = await Promise.all([
      listContributions(db(), { personId: principal.id, year }),
      getPersonBenefit(db(), { personId: principal.id }),
    ]);
    return {
      rows: history.rows.map(contributionRowJson),
      years: history.years,
      benefit: {
        status: benefit.status.status,
        reasonCode: benefit.status.reasonCode,
        reason: benefit.status.reason,
        since: benefit.status.since,
        until: benefit.status.until,
        period: benefit.period,
        restoreHint: benefit.status.restoreHint,
      },
      arrears: benefit.arrears && {
        unpaidMonths: benefit.arrears.unpaidMonths,
        suspendedFrom: benefit.arrears.suspendedFrom,
        coverDeadline: benefit.arrears.coverDeadline,
        daysLeft: benefit.arrears.daysLeft,
        coverable: benefit.arrears.coverable,
        message: [
          benefit.arrears.owed,
          benefit.arrears.suspension,
          benefit.arrears.deadline,
          benefit.arrears.restore,
        ].join(""),
      },
    };
  },
});
