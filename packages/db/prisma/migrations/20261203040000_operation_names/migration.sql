-- Operation names in one style: `<area>.<action>`, the tRPC procedure's path where a person
-- starts the operation (packages/db/src/operations.ts). Data only: it renames the operations
-- stored with idempotency records and ledger transfers, and the start of every key derived from
-- them, so that each stored key keeps its meaning (a replay after the upgrade finds its record).
--
-- Keys the system derives follow scopedKey as every other key does: `<operation>:system:<id>`
-- (`clear_pending:<payment>` becomes `earnings.clear:system:<payment>`); a withdrawal's
-- settlement, `withdrawal:<id>:settle`, becomes `payout.settle:system:<id>`.
--
-- Ledger transfers and connects entries are append-only (their triggers refuse UPDATE): this
-- migration lifts that for its own transaction only, to rename labels and keys. No amount, account,
-- lot or time changes, and the triggers are back before it commits.
--
-- Keys sent to the payment gateway are not stored here and are not renamed: a refund queued in
-- PendingRefund keeps the key it was first sent with. Deploy with no request in flight: a card
-- charge begun before the upgrade and replayed after it reaches the gateway under a new key.

CREATE TEMPORARY TABLE operation_rename (old text PRIMARY KEY, new text NOT NULL);
INSERT INTO operation_rename (old, new) VALUES
  ('accept_offer', 'contract.accept'),
  ('add_milestone', 'milestone.add'),
  ('add_payment_method', 'paymentMethod.add'),
  ('add_payout_method', 'payout.addMethod'),
  ('approve_milestone', 'milestone.approve'),
  ('auto_approve_milestone', 'milestone.autoApprove'),
  ('auto_withdrawal', 'payout.autoWithdraw'),
  ('clear_pending', 'earnings.clear'),
  ('decline_offer', 'contract.decline'),
  ('dispute_hourly_week', 'hourly.dispute'),
  ('end_contract', 'contract.end'),
  ('fund_milestone', 'milestone.fund'),
  ('hire_proposal', 'contract.hire'),
  ('invoice_hourly_week', 'hourly.invoice'),
  ('log_time', 'hourly.logTime'),
  ('make_direct_offer', 'contract.offer'),
  ('message.review_flag', 'message.reviewFlag'),
  ('pay_bonus', 'contract.payBonus'),
  ('refund_milestone', 'milestone.refund'),
  ('release_hourly_week', 'hourly.release'),
  ('request_changes', 'milestone.requestChanges'),
  ('resolve_dispute', 'hourly.resolveDispute'),
  ('submit_work', 'milestone.submit'),
  ('user.end_sessions', 'user.endSessions'),
  ('verify_payment_method', 'paymentMethod.verify'),
  ('withdrawal', 'payout.withdraw'),
  ('withdrawal_settle', 'payout.settle');

-- The starts of stored keys: scoped keys begin with their operation, derived keys with a prefix.
CREATE TEMPORARY TABLE key_prefix_rename (old text PRIMARY KEY, new text NOT NULL);
INSERT INTO key_prefix_rename (old, new) VALUES
  ('accept_offer:', 'contract.accept:'),
  ('add_milestone:', 'milestone.add:'),
  ('add_payment_method:', 'paymentMethod.add:'),
  ('add_payout_method:', 'payout.addMethod:'),
  ('approve_milestone:', 'milestone.approve:'),
  ('auto_approve:', 'milestone.autoApprove:system:'),
  ('auto_withdrawal:', 'payout.autoWithdraw:'),
  ('clear_pending:', 'earnings.clear:system:'),
  ('decline_offer:', 'contract.decline:'),
  ('dispute_hourly_week:', 'hourly.dispute:'),
  ('end_contract:', 'contract.end:'),
  ('fund_milestone:', 'milestone.fund:'),
  ('hire_proposal:', 'contract.hire:'),
  ('hourly_invoice:', 'hourly.invoice:system:'),
  ('hourly_release:', 'hourly.release:system:'),
  ('log_time:', 'hourly.logTime:'),
  ('make_direct_offer:', 'contract.offer:'),
  ('message.review_flag:', 'message.reviewFlag:'),
  ('pay_bonus:', 'contract.payBonus:'),
  ('refund_milestone:', 'milestone.refund:'),
  ('request_changes:', 'milestone.requestChanges:'),
  ('resolve_dispute:', 'hourly.resolveDispute:'),
  ('signup:', 'connects.signUpGrant:system:'),
  ('submit_work:', 'milestone.submit:'),
  ('user.end_sessions:', 'user.endSessions:'),
  ('verify_payment_method:', 'paymentMethod.verify:');

UPDATE "IdempotencyRecord" r
   SET operation = o.new
  FROM operation_rename o
 WHERE r.operation = o.old;

UPDATE "IdempotencyRecord" r
   SET key = p.new || substr(r.key, length(p.old) + 1)
  FROM key_prefix_rename p
 WHERE left(r.key, length(p.old)) = p.old;

ALTER TABLE "LedgerTransfer" DISABLE TRIGGER "manual_ledger_transfer_append_only";
ALTER TABLE "ConnectEntry" DISABLE TRIGGER "manual_connect_entry_append_only";

UPDATE "LedgerTransfer" t
   SET operation = o.new
  FROM operation_rename o
 WHERE t.operation = o.old;

UPDATE "LedgerTransfer"
   SET "idempotencyKey" = regexp_replace("idempotencyKey", '^withdrawal:(.+):settle(#[0-9]+)$', 'payout.settle:system:\1\2')
 WHERE "idempotencyKey" ~ '^withdrawal:.+:settle#[0-9]+$';

UPDATE "LedgerTransfer" t
   SET "idempotencyKey" = p.new || substr(t."idempotencyKey", length(p.old) + 1)
  FROM key_prefix_rename p
 WHERE left(t."idempotencyKey", length(p.old)) = p.old;

UPDATE "ConnectEntry" e
   SET "idempotencyKey" = p.new || substr(e."idempotencyKey", length(p.old) + 1)
  FROM key_prefix_rename p
 WHERE left(e."idempotencyKey", length(p.old)) = p.old;

ALTER TABLE "LedgerTransfer" ENABLE TRIGGER "manual_ledger_transfer_append_only";
ALTER TABLE "ConnectEntry" ENABLE TRIGGER "manual_connect_entry_append_only";

DROP TABLE operation_rename, key_prefix_rename;
