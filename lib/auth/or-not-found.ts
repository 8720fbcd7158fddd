import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/domain/errors";

/** For pages: a NOT_FOUND DomainError becomes Next's 404 page; anything else propagates. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
