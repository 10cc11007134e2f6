/**
 * The name of every operation that stores an idempotency record, ledger transfers or connects
 * entries: `<area>.<action>`, in camelCase, and the tRPC procedure's path when a person starts it
 * through one (`milestone.fund`), so a stored key says which procedure made it. The runner's
 * operations take the same style (`earnings.clear`).
 *
 * Stored keys begin with the name: `<operation>:<person or "system">:<key>` (scopedKey). Renaming
 * an operation changes the meaning of every stored key, so it takes a data migration; the last one
 * is prisma/migrations/20261203040000_operation_names, which also lists the names before it.
 */
export const OPERATIONS = [
  "boost.settle",
  "connects.adminGrant",
  "connects.adminRevoke",
  "connects.buy",
  "connects.risingTalent",
  "connects.signUpGrant",
  "contract.accept",
  "contract.decline",
  "contract.end",
  "contract.expire",
  "contract.hire",
  "contract.offer",
  "contract.payBonus",
  "dispute.acceptProposal",
  "dispute.addStatement",
  "dispute.decide",
  "dispute.propose",
  "dispute.withdraw",
  "earnings.clear",
  "hourly.dispute",
  "hourly.invoice",
  "hourly.logTime",
  "hourly.release",
  "hourly.resolveDispute",
  "job.close",
  "job.edit",
  "job.expire",
  "job.invite",
  "job.post",
  "job.publish",
  "job.remove",
  "membership.renew",
  "membership.subscribe",
  "message.reviewFlag",
  "message.send",
  "milestone.acceptRefundBySilence",
  "milestone.add",
  "milestone.approve",
  "milestone.autoApprove",
  "milestone.dispute",
  "milestone.fund",
  "milestone.refund",
  "milestone.requestChanges",
  "milestone.requestRefund",
  "milestone.submit",
  "milestone.withdrawRefundRequest",
  "paymentMethod.add",
  "paymentMethod.verify",
  "payout.addMethod",
  "payout.autoWithdraw",
  "payout.settle",
  "payout.withdraw",
  "proposal.decline",
  "proposal.interview",
  "proposal.shortlist",
  "proposal.submit",
  "proposal.withdraw",
  "settings.change",
  "user.createAdmin",
  "user.endSessions",
  "user.suspend",
  "user.unsuspend",
] as const;

/** An operation's name; tests name theirs `test.<something>`. */
export type Operation = (typeof OPERATIONS)[number] | `test.${string}`;
