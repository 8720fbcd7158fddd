/**
 * What a printed statement or proof of insurance asserts, as stored in verification_documents.facts.
 * The facts are a snapshot taken when the document is issued, so the printed page and /verify always
 * show the same thing however the record changes later. Only masked identifiers are stored; the name
 * is stored whole because the person's own printout shows it, and /verify masks it.
 */
import { z } from "zod";

const month = z.string().regex(/^\d{4}-\d{2}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const category = z.enum(["EMPLOYEE_UNIT", "EMPLOYEE_INDIVIDUAL", "RESIDENT"]);
const tier = z.enum(["TIER1", "TIER2"]).nullable();
const fen = z.number().int().refine(Number.isSafeInteger);

const identity = {
  name: z.string(),
  maskedIdNumber: z.string(),
  personalNumber: z.string(),
};

export const proofFactsSchema = z.object({
  ...identity,
  category,
  tier,
  employmentStatus: z.enum(["IN_SERVICE", "RETIRED"]),
  benefitStatus: z.enum(["NORMAL", "SUSPENDED", "WAITING", "ENDED"]),
  benefitReason: z.string(),
  benefitSince: day.nullable(),
  /** Enrolment history, oldest first; `to` null while the enrolment lasts. */
  enrolments: z.array(z.object({ category, tier, from: month, to: month.nullable(), unitName: z.string().nullable() })),
  agencyName: z.string(),
  asOf: day,
});

export type ProofFacts = z.infer<typeof proofFactsSchema>;

export const statementFactsSchema = z.object({
  ...identity,
  year: z.number().int(),
  from: day,
  to: day,
  carriedOverFen: fen,
  creditedFen: fen,
  spentFen: fen,
  closingFen: fen,
  entryCount: z.number().int().min(0),
  /** The statement lists the year's entries up to this id: later entries are not on it. */
  lastEntryId: z.string().regex(/^\d+$/).nullable(),
});

export type StatementFacts = z.infer<typeof statementFactsSchema>;

/** The current (last) enrolment period of a proof: the one the proof is about. */
export function currentEnrolment(facts: ProofFacts): ProofFacts["enrolments"][number] | null {
  return facts.enrolments.at(-1) ?? null;
}
