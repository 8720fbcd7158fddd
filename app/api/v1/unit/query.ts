import { DomainError } from "@/lib/domain/errors";
import { readUnitQuery, type UnitQuery } from "@/lib/domain/unit-query";

/** The clerk API's query parameters; a malformed cursor or page size is a 400 here, not a silent first page. */
export function unitQueryOf(request: Request): UnitQuery {
  const params = new URL(request.url).searchParams;
  const { query, problems } = readUnitQuery((name) => params.get(name));
  const [field, message] = Object.entries(problems)[0] ?? [];
  if (field && message) throw new DomainError("INVALID_QUERY", message, { field });
  return query;
}
