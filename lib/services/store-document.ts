/**
 * Stores a printable document under a fresh signed code, and audits the issue. Shared by issue-proof
 * and issue-statement; the code's random part is 35 bits, so a clash is rare but retried.
 */
import type { Db } from "@/lib/db/client";
import { type DocumentKindName, documentExpiry, issueCode } from "@/lib/domain/verification-code";
import { Prisma } from "@/lib/generated/prisma/client";

const ATTEMPTS = 3;

function isCodeClash(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function storeDocument(
  database: Db,
  options: { personId: number; kind: DocumentKindName; facts: object; key: Uint8Array; now: Date },
): Promise<{ id: number; code: string }> {
  for (let attempt = 1; ; attempt++) {
    const code = issueCode(options.kind, options.key);
    try {
      return await database.$transaction(async (tx) => {
        const document = await tx.verificationDocument.create({
          data: {
            code,
            kind: options.kind,
            personId: options.personId,
            facts: options.facts as Prisma.InputJsonObject,
            issuedAt: options.now,
            expiresAt: documentExpiry(options.kind, options.now),
          },
          select: { id: true, code: true },
        });
        await tx.auditLog.create({
          data: {
            actorType: "PERSON",
            actorId: String(options.personId),
            action: options.kind === "PROOF" ? "ISSUE_PROOF" : "ISSUE_STATEMENT",
            subjectPersonId: options.personId,
            details: { documentId: document.id },
          },
        });
        return document;
      });
    } catch (error) {
      if (!isCodeClash(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
