/** Small rules of the public directory pages. Pure. */

/** "023-58240606、023-58240330" → one entry per number. */
export function splitPhones(phones: string): string[] {
  return phones
    .split(/[、,，;；\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** A `tel:` link for a number as printed ("023-63892206", "12333"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
