/**
 * One of the signed-in person's own printable documents. The owner is in the where clause; an id
 * that belongs to someone else (or to no one) is NOT_FOUND, and the attempt is audited.
 */
import type { Db } from "@/lib/db/client";
import {
  type ProofFacts,
  proofFactsSchema,
  type StatementFacts,
  statementFactsSchema,
} from "@/lib/domain/document-facts";
import { DomainError } from "@/lib/domain/errors";
import { type DocumentKindName, isDocumentExpired } from "@/lib/domain/verification-code";

interface DocumentBase {
  id: number;
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  expired: boolean;
}

export type OwnDocument =
  | (DocumentBase & { kind: "PROOF"; facts: ProofFacts })
  | (DocumentBase & { kind: "STATEMENT"; facts: StatementFacts });

export async function getOwnDocument<K extends DocumentKindName>(
  database: Db,
  options: { personId: number; documentId: number; kind: K; now?: Date },
): Promise<Extract<OwnDocument, { kind: K }>> {
  const now = options.now ?? new Date();
  const row = Number.isSafeInteger(options.documentId)
    ? await database.verificationDocument.findFirst({
        where: { id: options.documentId, personId: options.personId, kind: options.kind },
        select: { id: true, code: true, kind: true, facts: true, issuedAt: true, expiresAt: true },
      })
    : null;
  if (!row) {
    const other = Number.isSafeInteger(options.documentId)
      ? await database.verificationDocument.findUnique({
          where: { id: options.documentId },
          select: { personId: true },
        })
      : null;
    await database.auditLog.create({
      data: {
        actorType: "PERSON",
        actorId: String(options.personId),
        action: "DOCUMENT_NOT_FOUND",
        subjectPersonId: other?.personId ?? null,
        reason: other ? "请求他人的文件" : "文件不存在",
        details: { documentId: String(options.documentId), kind: options.kind },
      },
    });
    throw new DomainError("NOT_FOUND", "未找到该文件");
  }
  const base = {
    id: row.id,
    code: row.code,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    expired: isDocumentExpired(row.expiresAt, now),
  };
  const document: OwnDocument =
    row.kind === "PROOF"
      ? { ...base, kind: "PROOF", facts: proofFactsSchema.parse(row.facts) }
      : { ...base, kind: "STATEMENT", facts: statementFactsSchema.parse(row.facts) };
  return document as Extract<OwnDocument, { kind: K }>;
}
