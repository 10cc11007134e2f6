export const KIND_LABEL: Record<string, string> = { ACH: "Bank (ACH)", LOCAL_BANK: "Local bank", PAYPAL: "PayPal", INSTANT: "Instant to debit card", WIRE: "Wire transfer" };
export const SCHEDULE_LABEL: Record<string, string> = {
  WEEKLY: "Weekly (every Wednesday)",
  TWICE_MONTHLY: "Twice a month (1st and 3rd Wednesday)",
  MONTHLY: "Monthly (last Wednesday)",
  QUARTERLY: "Quarterly (last Wednesday of the quarter)",
};
