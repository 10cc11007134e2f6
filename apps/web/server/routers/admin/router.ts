import { router } from "../../trpc";
import { awardRisingTalentProcedure } from "./award-rising-talent";
import { changeSettingProcedure } from "./change-setting";
import { checkLedgerInvariantsProcedure } from "./check-ledger-invariants";
import { getGatewayFollowUpProcedure } from "./get-gateway-follow-up";
import { getRevenueByWeekProcedure } from "./get-revenue-by-week";
import { getSettingHistoryProcedure } from "./get-setting-history";
import { getUserProcedure } from "./get-user";
import { grantConnectsProcedure } from "./grant-connects";
import { listConnectEntriesProcedure } from "./list-connect-entries";
import { listFlaggedMessagesProcedure } from "./list-flagged-messages";
import { listInvariantChecksProcedure } from "./list-invariant-checks";
import { listJobRunsProcedure } from "./list-job-runs";
import { listLedgerTransfersProcedure } from "./list-ledger-transfers";
import { listModerationJobsProcedure } from "./list-moderation-jobs";
import { createAdminProcedure } from "./create-admin";
import { listSettingsProcedure } from "./list-settings";
import { listUsersProcedure } from "./list-users";
import { previewSettingImpactProcedure } from "./preview-setting-impact";
import { removeJobProcedure } from "./remove-job";
import { removeMessageProcedure } from "./remove-message";
import { reviewFlaggedMessageProcedure } from "./review-flagged-message";
import { revokeConnectsProcedure } from "./revoke-connects";
import { runInvariantCheckProcedure } from "./run-invariant-check";
import { runReconciliationProcedure } from "./run-reconciliation";
import { searchAuditLogProcedure } from "./search-audit-log";
import { suspendSenderProcedure } from "./suspend-sender";
import { suspendUserProcedure } from "./suspend-user";
import { holdPayoutsProcedure } from "./hold-payouts";
import { releasePayoutsProcedure } from "./release-payouts";
import { warnSenderProcedure } from "./warn-sender";
import { endSessionsProcedure } from "./end-sessions";
import { unsuspendUserProcedure } from "./unsuspend-user";
import { adminDisputesRouter } from "./disputes";
import { hideFeedbackProcedure, unhideFeedbackProcedure } from "./hide-feedback";
import { listFeedbackProcedure } from "./list-feedback";

export const adminRouter = router({
  settings: router({
    list: listSettingsProcedure,
    history: getSettingHistoryProcedure,
    impact: previewSettingImpactProcedure,
    change: changeSettingProcedure,
  }),
  people: router({
    list: listUsersProcedure,
    get: getUserProcedure,
    grantConnects: grantConnectsProcedure,
    revokeConnects: revokeConnectsProcedure,
    awardRisingTalent: awardRisingTalentProcedure,
    suspend: suspendUserProcedure,
    endSessions: endSessionsProcedure,
    unsuspend: unsuspendUserProcedure,
    holdPayouts: holdPayoutsProcedure,
    releasePayouts: releasePayoutsProcedure,
    createAdmin: createAdminProcedure,
  }),
  moderation: router({
    jobs: listModerationJobsProcedure,
    removeJob: removeJobProcedure,
    flagged: listFlaggedMessagesProcedure,
    reviewFlag: reviewFlaggedMessageProcedure,
    removeMessage: removeMessageProcedure,
    warnSender: warnSenderProcedure,
    suspendSender: suspendSenderProcedure,
  }),
  ledger: router({
    transfers: listLedgerTransfersProcedure,
    connectEntries: listConnectEntriesProcedure,
    checkInvariants: checkLedgerInvariantsProcedure,
    invariantChecks: listInvariantChecksProcedure,
    runInvariantCheck: runInvariantCheckProcedure,
    revenue: getRevenueByWeekProcedure,
    gatewayFollowUp: getGatewayFollowUpProcedure,
    reconcile: runReconciliationProcedure,
  }),
  disputes: adminDisputesRouter,
  feedback: router({ list: listFeedbackProcedure, hide: hideFeedbackProcedure, unhide: unhideFeedbackProcedure }),
  audit: router({ search: searchAuditLogProcedure }),
  runs: router({ list: listJobRunsProcedure }),
});
