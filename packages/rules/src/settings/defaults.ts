import type { MarketplaceSettings } from "./settings";
import { ATTACHMENT_RULES } from "../inbox/attachments";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of every [admin] value in economy.md. Frozen: derive changes with applySettingChange. */
export const DEFAULT_SETTINGS: MarketplaceSettings = deepFreeze({
  signupConnects: 20,
  risingTalentConnects: 30,
  membershipMonthlyConnects: 70,
  membershipPriceMinor: 1499n,
  connectBundleSizes: [10, 20, 40, 60, 80],
  connectPriceMinor: 15n,
  allowConnectPurchaseFromEarnings: false,
  connectLotExpiryDays: 365,
  connectRolloverCap: 140,
  connectRefundReissueExpiryDays: 30,
  connectRateCard: {
    tiers: [
      { upToMinor: 5_000n, connects: 2, shortConnects: 1, shortMaxDays: 1 }, // up to $50; 1 if at most a day
      { upToMinor: 60_000n, connects: 4, shortConnects: 3, shortMaxDays: 6 }, // to $600; 3 if under a week
      { upToMinor: null, connects: 6, shortConnects: 5, shortMaxDays: 29 }, // over $600; 5 if under a month
    ],
  },
  boostSlots: 4,
  boostAuctionDays: 7,
  maxProposalsPerJob: 50,
  refundConnectsOnExpiryWithNoView: false,
  jobExpiryDays: 30,
  offerExpiryDays: 7,
  milestoneMinimumMinor: 500n,
  clientFeeBps: 300,
  reviewWindowDays: 14,
  maxChangeRequests: 3,
  refundRequestDays: 7,
  feeSchedule: {
    model: "tiered",
    bands: [
      { upToMinor: 50_000n, rateBps: 2_000 }, // 20% of the first $500
      { upToMinor: 1_000_000n, rateBps: 1_000 }, // 10% from $500 to $10,000
      { upToMinor: null, rateBps: 500 }, // 5% above $10,000
    ],
  },
  securityPeriodDays: 5,
  withdrawalMinimumMinor: 100n,
  minWithdrawalNetMinor: 100n,
  payoutMethodFeesMinor: { ach: 0n, local_bank: 99n, paypal: 200n, instant: 200n, wire: 3_000n },
  payoutMethodWaitingDays: 3,
  autoWithdrawalMinimumThresholdMinor: 10_000n,
  autoWithdrawalMaxAgeDays: 180,
  scamShieldPatterns: [
    {
      id: "email",
      label: "Email address",
      category: "contact",
      source: String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}`,
      flags: "i",
    },
    {
      id: "phone",
      label: "Phone number",
      category: "contact",
      source: String.raw`\+?\d(?:[\s().-]{0,2}\d){8,14}`,
      flags: "",
    },
    {
      id: "messenger",
      label: "Telegram, WhatsApp or Skype",
      category: "contact",
      source: String.raw`\b(?:telegram|whats\s?app|skype|signal|wechat)\b|\b(?:t|wa)\.me/`,
      flags: "i",
    },
    {
      id: "off_platform_payment",
      label: "Payment outside Fairlance",
      category: "payment",
      source: String.raw`\b(?:pay|paid|payment|invoice)\b[^.!?]{0,40}\b(?:outside|off)[\s-]?(?:of\s+)?(?:the\s+)?(?:platform|fairlance|site|app)\b`,
      flags: "i",
    },
    {
      id: "cash_check",
      label: "Cashing a check",
      category: "payment",
      source: String.raw`\b(?:cash|deposit)\w*\s+(?:a\s+|the\s+|this\s+)?(?:check|cheque)s?\b`,
      flags: "i",
    },
    {
      id: "upfront_fee",
      label: "Deposit or training fee",
      category: "payment",
      source: String.raw`\b(?:training|registration|onboarding|equipment|starter)\s+(?:fee|kit|deposit)s?\b|\b(?:pay|send)\s+(?:a\s+|the\s+)?deposit\b`,
      flags: "i",
    },
    {
      id: "crypto",
      label: "Crypto payment",
      category: "payment",
      source: String.raw`\b(?:bitcoin|btc|usdt|tether|ethereum|crypto(?:currency)?)\b`,
      flags: "i",
    },
  ],
  feedbackWindowDays: 14,
  jssMinContracts: 3,
  jssWindowMonths: 24,
  jssLongTermContracts: 3,
  jssLongTermPaidMinor: 100_000n, // $1,000.00
  verificationRequiredFor: ["propose", "post_job", "withdraw"],
  attachmentMaxBytes: ATTACHMENT_RULES.defaultMaxBytes, // 10 MB
});
