/**
 * Public verification of a printed statement or proof (/verify): anyone with the code sees whether the
 * document is genuine and its key facts, masked. The signature is checked first, so an invented or
 * mistyped code is refused without a database read; a found document's look-up is audited for its owner.
 */
import type { Db } from "@/lib/db/client";
import {
  type ProofFacts,
  proofFactsSchema,
  type StatementFacts,
  statementFactsSchema,
} from "@/lib/domain/document-facts";
import { maskName } from "@/lib/domain/masking";
import { checkCode, type DocumentKindName, isDocumentExpired } from "@/lib/domain/verification-code";

export type VerifiedFacts =
  | { kind: "PROOF"; facts: Omit<ProofFacts, "name" | "personalNumber"> }
  | { kind: "STATEMENT"; facts: Omit<StatementFacts, "name" | "personalNumber" | "lastEntryId"> };

export type VerifyResult =
  | ({ status: "GENUINE"; code: string; issuedAt: Date; expiresAt: Date; maskedName: string } & VerifiedFacts)
  | {
      status: "EXPIRED";
      kind: DocumentKindName;
      code: string;
      issuedAt: Date;
      expiresAt: Date;
      message: string;
    }
  | { status: "REFUSED"; reason: "EMPTY" | "FORMAT" | "SIGNATURE" | "UNKNOWN"; message: string };

const UNKNOWN_MESSAGE = "验证码无效:未找到该验证码对应的文件,请核对后重新输入";

export async function verifyDocument(
  database: Db,
  options: { input: string; key: Uint8Array; now?: Date; ip?: string | null },
): Promise<VerifyResult> {
  const now = options.now ?? new Date();
  const check = checkCode(options.input, options.key);
  if (!check.ok) return { status: "REFUSED", reason: check.reason, message: check.message };

  const row = await database.verificationDocument.findUnique({
    where: { code: check.code },
    select: { id: true, kind: true, personId: true, facts: true, issuedAt: true, expiresAt: true },
  });
  // A signed code of another kind than its row would mean a forged row; treat it as unknown too.
  if (!row || row.kind !== check.kind)
    return { status: "REFUSED", reason: "UNKNOWN", message: UNKNOWN_MESSAGE };

  const expired = isDocumentExpired(row.expiresAt, now);
  await database.auditLog.create({
    data: {
      actorType: "PUBLIC",
      action: "VERIFY_DOCUMENT",
      subjectPersonId: row.personId,
      details: { documentId: row.id, kind: row.kind, outcome: expired ? "EXPIRED" : "GENUINE" },
      ip: options.ip ?? null,
    },
  });
  const dates = { code: check.code, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
  if (expired) {
    return {
      status: "EXPIRED",
      kind: row.kind,
      ...dates,
      message: "该验证码已过期失效,不能再用于查验;请向参保人索取新开具的文件",
    };
  }
  if (row.kind === "PROOF") {
    const { name, personalNumber: _p, ...facts } = proofFactsSchema.parse(row.facts);
    return { status: "GENUINE", kind: "PROOF", ...dates, maskedName: maskName(name), facts };
  }
  const { name, personalNumber: _p, lastEntryId: _l, ...facts } = statementFactsSchema.parse(row.facts);
  return { status: "GENUINE", kind: "STATEMENT", ...dates, maskedName: maskName(name), facts };
}
