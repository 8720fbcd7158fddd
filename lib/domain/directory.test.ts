import { describe, expect, test } from "vitest";
import { splitPhones, telHref } from "./directory";

describe("splitPhones", () => {
  test.each([
    { label: "one number", input: "023-63892206", expected: ["023-63892206"] },
    {
      label: "Chinese enumeration comma",
      input: "023-58240606、023-58240330",
      expected: ["023-58240606", "023-58240330"],
    },
    {
      label: "mixed separators and spaces",
      input: " 023-1, 023-2；023-3 ",
      expected: ["023-1", "023-2", "023-3"],
    },
    { label: "empty", input: "", expected: [] },
  ])("$label", ({ input, expected }) => {
    expect(splitPhones(input)).toEqual(expected);
  });
});

describe("telHref", () => {
  test.each([
    { label: "area code and dash", input: "023-63892206", expected: "tel:02363892206" },
    { label: "hotline", input: "12333", expected: "tel:12333" },
  ])("$label", ({ input, expected }) => {
    expect(telHref(input)).toBe(expected);
  });
});
