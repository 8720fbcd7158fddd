import { describe, expect, test } from "vitest";
import { DomainError, isDomainError } from "./errors";

describe("DomainError", () => {
  test.each([
    {
      label: "keeps code and Chinese message",
      error: new DomainError("NOT_FOUND", "未找到该参保人"),
      expected: { code: "NOT_FOUND", message: "未找到该参保人", field: undefined, details: undefined },
    },
    {
      label: "keeps field and details when given",
      error: new DomainError("NO_POLICY", "没有2019-05的政策参数", {
        field: "month",
        details: { month: "2019-05" },
      }),
      expected: {
        code: "NO_POLICY",
        message: "没有2019-05的政策参数",
        field: "month",
        details: { month: "2019-05" },
      },
    },
  ])("$label", ({ error, expected }) => {
    expect({ code: error.code, message: error.message, field: error.field, details: error.details }).toEqual(
      expected,
    );
    expect(error.name).toBe("DomainError");
    expect(error).toBeInstanceOf(Error);
  });

  test("passes the cause through to Error", () => {
    const cause = new Error("db down");
    expect(new DomainError("NOT_FOUND", "未找到", { cause }).cause).toBe(cause);
  });
});

describe("isDomainError", () => {
  const lookalike = Object.assign(new Error("余额不足"), {
    name: "DomainError",
    code: "INSUFFICIENT_BALANCE",
  });
  const rows: { label: string; value: unknown; expected: boolean }[] = [
    { label: "a DomainError", value: new DomainError("FORBIDDEN", "无权访问"), expected: true },
    {
      label: "a DomainError from another copy of the module (same name, string code)",
      value: lookalike,
      expected: true,
    },
    { label: "a plain Error", value: new Error("boom"), expected: false },
    {
      label: "a Node system error with a string code (ENOENT) is not one",
      value: Object.assign(new Error("no such file"), { code: "ENOENT" }),
      expected: false,
    },
    {
      label: "an Error named DomainError without a code",
      value: Object.assign(new Error("x"), { name: "DomainError" }),
      expected: false,
    },
    {
      label: "a plain object shaped like one (not an Error)",
      value: { name: "DomainError", code: "X", message: "x" },
      expected: false,
    },
    { label: "a TypeError", value: new TypeError("x"), expected: false },
    { label: "null", value: null, expected: false },
    { label: "undefined", value: undefined, expected: false },
    { label: "a string", value: "DomainError", expected: false },
  ];
  test.each(rows)("$label → $expected", ({ value, expected }) => {
    expect(isDomainError(value)).toBe(expected);
  });
});
