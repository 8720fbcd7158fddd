/** Finds a person by ID number or social-security card number (the two things a counter is handed). */
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { classifyLoginId } from "@/lib/domain/identifiers";
import { maskIdNumber, maskName } from "@/lib/domain/masking";

export type PersonIdentifier = { kind: "idNumber" | "cardNumber"; value: string };

/** Validates the text typed at the counter; a bad one gets the specific reason beside `field`. */
export function parsePersonIdentifier(input: string, field: string): PersonIdentifier {
  const parsed = classifyLoginId(input);
  if (parsed.kind === "invalid") {
    throw new DomainError("INVALID_IDENTIFIER", parsed.message.replace("登录", "查询"), { field });
  }
  return parsed;
}

/** The person's id, or null. A replaced card still finds its holder (the counter may be handed an old card). */
export async function findPersonId(database: Db | Tx, identifier: PersonIdentifier): Promise<number | null> {
  if (identifier.kind === "cardNumber") {
    const card = await database.card.findUnique({
      where: { cardNumber: identifier.value },
      select: { personId: true },
    });
    return card?.personId ?? null;
  }
  const person = await database.person.findUnique({
    where: { idNumber: identifier.value },
    select: { id: true },
  });
  return person?.id ?? null;
}

/** "杨**(500118********7179)": how a person filter is shown back, never the full number. */
export async function maskedPersonText(database: Db | Tx, personId: number): Promise<string | null> {
  const person = await database.person.findUnique({
    where: { id: personId },
    select: { name: true, idNumber: true },
  });
  return person ? `${maskName(person.name)}(${maskIdNumber(person.idNumber)})` : null;
}
