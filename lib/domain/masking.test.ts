import { describe, expect, test } from "vitest";
import {
  maskCardNumber,
  maskCreditCode,
  maskIdNumber,
  maskName,
  maskNumbersInText,
  maskPhone,
} from "./masking";

describe("maskIdNumber (first 6, last 4)", () => {
  test.each([
    { label: "18-digit number", input: "500103199001011234", expected: "500103********1234" },
    {
      label: "check character X kept in the tail",
      input: "11010519491231002X",
      expected: "110105********002X",
    },
    {
      label: "surrounding spaces trimmed first",
      input: " 500103199001011234 ",
      expected: "500103********1234",
    },
    {
      label: "old 15-digit number is fully starred (shorter than expected)",
      input: "110105491231002",
      expected: "***************",
    },
    { label: "4 characters fully starred, never returned as is", input: "1234", expected: "****" },
    { label: "one character", input: "5", expected: "*" },
    {
      label: "longer than expected keeps head and tail",
      input: "5001031990010112345",
      expected: "500103*********2345",
    },
    { label: "empty", input: "", expected: "" },
    { label: "null", input: null, expected: "" },
    { label: "undefined", input: undefined, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe("maskPhone (first 3, last 4)", () => {
  test.each([
    { label: "mobile number", input: "13812341234", expected: "138****1234" },
    { label: "landline with area code", input: "023-63892269", expected: "023*****2269" },
    { label: "7 digits fully starred", input: "6389226", expected: "*******" },
    { label: "10 digits, one short, fully starred", input: "1381234123", expected: "**********" },
    { label: "blank", input: "   ", expected: "" },
    { label: "null", input: null, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe("maskCreditCode (first 2, last 4)", () => {
  test.each([
    { label: "18 characters", input: "91500000MA5U00000W", expected: "91************000W" },
    { label: "9-character organisation code fully starred", input: "M000100Y4", expected: "*********" },
    { label: "null", input: null, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskCreditCode(input)).toBe(expected);
  });
});

describe("maskCardNumber (first 2, last 3)", () => {
  test.each([
    { label: "9 characters", input: "A10000001", expected: "A1****001" },
    { label: "another card", input: "Z98765432", expected: "Z9****432" },
    { label: "8 characters fully starred", input: "A1000000", expected: "********" },
    { label: "5 characters (head + tail would show all) fully starred", input: "A1001", expected: "*****" },
    { label: "undefined", input: undefined, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskCardNumber(input)).toBe(expected);
  });
});

describe("maskName", () => {
  test.each([
    { label: "two characters keep the surname", input: "张三", expected: "张*" },
    { label: "three characters", input: "张三丰", expected: "张**" },
    { label: "compound surname 欧阳 kept whole", input: "欧阳娜娜", expected: "欧阳**" },
    { label: "compound surname with one-character given name", input: "诸葛亮", expected: "诸葛*" },
    { label: "compound surname 司马", input: "司马光", expected: "司马*" },
    { label: "compound surname 上官", input: "上官婉儿", expected: "上官**" },
    { label: "compound surname at the start of a list line (澹台)", input: "澹台灭明", expected: "澹台**" },
    { label: "last compound surname in the list (第五)", input: "第五伦", expected: "第五*" },
    {
      label: "two characters that form a compound surname still hide the second",
      input: "司马",
      expected: "司*",
    },
    {
      label: "single surname starting like a compound one (张 not compound)",
      input: "张欧阳",
      expected: "张**",
    },
    { label: "one character is kept (it can only be the surname)", input: "张", expected: "张" },
    { label: "surrounding spaces trimmed", input: " 李四 ", expected: "李*" },
    {
      label: "name with middle dot: surname char kept, rest starred",
      input: "阿依古丽·买买提",
      expected: "阿*******",
    },
    { label: "characters outside the BMP count as one", input: "𠀀𠀁𠀂", expected: "𠀀**" },
    { label: "Latin name", input: "Li Na", expected: "L****" },
    { label: "empty", input: "", expected: "" },
    { label: "null", input: null, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe("maskNumbersInText", () => {
  test.each([
    {
      label: "ID number in audit details",
      input: "kind=employee value=500103199001011234 unitNumber=5001000001",
      expected: "kind=employee value=500103********1234 unitNumber=5001000001",
    },
    {
      label: "ID number ending in X",
      input: "id=11010519491231002X kind=settlement",
      expected: "id=110105********002X kind=settlement",
    },
    { label: "lower-case x", input: "11010519491231002x", expected: "110105********002x" },
    { label: "mobile number", input: "参保人来电 13812341234 询问", expected: "参保人来电 138****1234 询问" },
    {
      label: "both in one text",
      input: "500103199001011234/13812341234",
      expected: "500103********1234/138****1234",
    },
    {
      label: "ID number not checked for its check character",
      input: "500103199001011235",
      expected: "500103********1235",
    },
    {
      label: "a longer digit run is not an ID number",
      input: "5001031990010112345",
      expected: "5001031990010112345",
    },
    {
      label: "digits glued to letters are not an ID number",
      input: "A500103199001011234",
      expected: "A500103199001011234",
    },
    {
      label: "an 11-digit run inside a longer number is left",
      input: "013812341234",
      expected: "013812341234",
    },
    { label: "11 digits not starting 1[3-9] are left", input: "12012341234", expected: "12012341234" },
    {
      label: "card and personal numbers are left",
      input: "A10000001 5032886985",
      expected: "A10000001 5032886985",
    },
    { label: "null", input: null, expected: "" },
  ])("$label", ({ input, expected }) => {
    expect(maskNumbersInText(input)).toBe(expected);
  });
});
