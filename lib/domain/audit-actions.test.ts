import { expect, test } from "vitest";
import { AUDIT_ACTION_LABEL, auditActionText } from "./audit-actions";

test.each([
  { label: "a known action reads in Chinese", action: "SIGN_IN", expected: AUDIT_ACTION_LABEL.SIGN_IN },
  { label: "an unknown action is shown as its code", action: "SOMETHING_NEW", expected: "SOMETHING_NEW" },
  {
    label: "a prototype name is not a label (it returned a function; found by fuzzing)",
    action: "constructor",
    expected: "constructor",
  },
  { label: "hasOwnProperty is not a label either", action: "hasOwnProperty", expected: "hasOwnProperty" },
  { label: "__proto__ is not a label", action: "__proto__", expected: "__proto__" },
])("auditActionText: $label", ({ action, expected }) => {
  expect(auditActionText(action)).toBe(expected);
});
