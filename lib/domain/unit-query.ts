/**
 * The query parameters of the clerk's pages and API (`unit`, `q`, `after`, `before`, `size`), read the
 * same way in both. A bad cursor or page size is reported and left out, never guessed; `unit` and `q`
 * are passed on as typed, because the services decide what they mean (a `unit` that is not the clerk's
 * own is refused and audited there).
 */

export interface UnitQuery {
  unit?: string;
  q?: string;
  after?: number;
  before?: number;
  size?: number;
}

export const MAX_CURSOR = 2_147_483_647;
export const MAX_SIZE = 100;

type Get = (name: string) => string | null | undefined;

function positiveInt(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

export function readUnitQuery(get: Get): { query: UnitQuery; problems: Record<string, string> } {
  const query: UnitQuery = {};
  const problems: Record<string, string> = {};
  const text = (name: string) => {
    const v = get(name);
    return v === null || v === undefined || v.trim() === "" ? undefined : v.trim();
  };

  const unit = text("unit");
  if (unit !== undefined) query.unit = unit.slice(0, 64);
  const q = text("q");
  if (q !== undefined) query.q = q.slice(0, 50);
  for (const key of ["after", "before"] as const) {
    const raw = text(key);
    if (raw === undefined) continue;
    const n = positiveInt(raw, MAX_CURSOR);
    if (n === null) problems[key] = "翻页参数无效,已从第一页显示";
    else query[key] = n;
  }
  const size = text("size");
  if (size !== undefined) {
    const n = positiveInt(size, MAX_SIZE);
    if (n === null) problems.size = `每页条数应为1到${MAX_SIZE}`;
    else query.size = n;
  }
  return { query, problems };
}

/** From a page's searchParams (a repeated key counts with its first value). */
export function readUnitSearchParams(params: Record<string, string | string[] | undefined>) {
  return readUnitQuery((name) => {
    const v = params[name];
    return Array.isArray(v) ? v[0] : v;
  });
}

/** Keeps the filters and size of the current view in a pagination or export link. */
export function unitQueryString(query: UnitQuery, keep: readonly (keyof UnitQuery)[]): string {
  const p = new URLSearchParams();
  for (const key of keep) {
    const v = query[key];
    if (v !== undefined) p.set(key, String(v));
  }
  const s = p.toString();
  return s === "" ? "" : `?${s}`;
}
