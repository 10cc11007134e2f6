const RULE_KIND = { ACH: "ach", LOCAL_BANK: "local_bank", PAYPAL: "paypal", INSTANT: "instant", WIRE: "wire" } as const;

/** The schema's payout method kind as the rules name it. */
export const toRuleKind = (kind: keyof typeof RULE_KIND) => RULE_KIND[kind];
