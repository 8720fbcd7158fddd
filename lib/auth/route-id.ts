import { notFound } from "next/navigation";

/** A numeric id from the URL: anything else is simply not found. */
export function routeId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) notFound();
  return Number(value);
}
