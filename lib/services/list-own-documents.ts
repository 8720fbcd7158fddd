import type { Db } from "@/lib/db/client";
import { type DocumentKindName, isDocumentExpired } from "@/lib/domain/verification-code";

export interface OwnDocumentSummary {
  id: number;
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  expired: boolean;
  /** The statement's year; null for a proof. */
  year: number | null;
}

/** The person's latest printable documents of one kind, newest first. */
export async function listOwnDocuments(
  database: Db,
  options: { personId: number; kind: DocumentKindName; limit?: number; now?: Date },
): Promise<OwnDocumentSummary[]> {
  const now = options.now ?? new Date();
  const rows = await database.verificationDocument.findMany({
    where: { personId: options.personId, kind: options.kind },
    orderBy: { id: "desc" },
    take: options.limit ?? 10,
    select: { id: true, code: true, issuedAt: true, expiresAt: true, facts: true },
  });
  return rows.map((r) => {
    const year = (r.facts as { year?: unknown } | null)?.year;
    return {
      id: r.id,
      code: r.code,
      issuedAt: r.issuedAt,
      expiresAt: r.expiresAt,
      expired: isDocumentExpired(r.expiresAt, now),
      year: typeof year === "number" ? year : null,
    };
  });
}
