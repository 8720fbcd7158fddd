import { expect, test } from "vitest";
import { normalizeInput } from "./input";

test.each([
  { label: "trims ASCII spaces, tabs and newlines", input: " \t500103\n", expected: "500103" },
  { label: "folds full-width digits", input: "１２３４５", expected: "12345" },
  { label: "folds full-width letters and keeps case", input: "ａ１Ｘ", expected: "a1X" },
  { label: "folds full-width comma and full stop", input: "１，２３４．５", expected: "1,234.5" },
  { label: "trims the ideographic space U+3000", input: "\u3000A10000001\u3000", expected: "A10000001" },
  { label: "does not turn circled or superscript digits into digits", input: "①²", expected: "①²" },
  { label: "leaves Chinese characters alone", input: " 欧阳娜娜 ", expected: "欧阳娜娜" },
  { label: "empty stays empty", input: "", expected: "" },
])("$label", ({ input, expected }) => {
  expect(normalizeInput(input)).toBe(expected);
});
