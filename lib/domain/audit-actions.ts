/** Chinese names of audit actions for the audit trail page; an action not listed is shown by its code. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  SIGN_IN: "登录",
  SIGN_IN_FAILED: "登录失败",
  SIGN_IN_PASSWORD_OK: "密码通过,待动态口令",
  SIGN_IN_THROTTLED: "登录失败过多,该地址暂被限制",
  SIGN_OUT: "退出登录(结束全部会话)",
  CHANGE_PASSWORD: "修改密码",
  TOTP_ENROL: "启用动态口令",
  PERSON_LOOKUP: "查询人员",
  PERSON_LOOKUP_MISS: "查询人员(未找到)",
  PERSON_VIEW: "查看人员信息",
  LINKAGE_REQUEST_CREATE: "受理关联申请",
  LINKAGE_REQUEST_VIEW: "查看关联申请",
  LINKAGE_REQUEST_APPROVE: "通过关联申请",
  LINKAGE_REQUEST_REFUSE: "拒绝关联申请",
  LINKAGE_VIEW: "查看账户关联",
  LINKAGE_CANCEL: "取消账户关联",
  ACTION_DENIED: "操作被拒绝",
  CARD_PRE_LOSS: "社保卡预挂失",
  CARD_PRE_LOSS_CANCEL: "撤销预挂失",
  CARD_FORMAL_LOSS: "社保卡正式挂失",
  CARD_COLLECTED: "领取新卡",
  AUDIT_VIEW: "查看审计日志",
  ISSUE_PROOF: "开具参保证明",
  ISSUE_STATEMENT: "打印个人账户对账单",
  VERIFY_DOCUMENT: "核验证明或对账单",
  DOCUMENT_NOT_FOUND: "请求不存在或他人的证明",
  LINKAGE_PRECHECK: "关联申请预检",
  LINKAGE_PROVIDER_NO_MATCH: "关联申请提供人信息不符",
  LINKAGE_REQUEST_WITHDRAW: "撤回关联申请",
  PERSON_RECORD_NOT_FOUND: "请求不存在或他人的记录",
  UNIT_ACCESS_REFUSED: "访问其他单位数据被拒绝",
};

export const ACTOR_TYPE_LABEL: Record<string, string> = {
  PERSON: "参保人",
  CLERK: "单位经办人",
  STAFF: "工作人员",
  SYSTEM: "系统",
  PUBLIC: "公众",
};

export function auditActionText(action: string): string {
  // Own keys only: "constructor" or "hasOwnProperty" would otherwise return a function (found by fuzzing).
  return Object.hasOwn(AUDIT_ACTION_LABEL, action) ? AUDIT_ACTION_LABEL[action]! : action;
}
