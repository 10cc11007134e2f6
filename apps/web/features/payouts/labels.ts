export const KIND_LABEL: Record<string, string> = { ACH: "Bank (ACH)", LOCAL_BANK: "Local bank", PAYPAL: "PayPal", INSTANT: "Instant to debit card", WIRE: "Wire transfer" };
/** What the account field asks for, by the chosen kind of method. */
export const ACCOUNT_LABEL: Record<string, string> = { ACH: "Account number", LOCAL_BANK: "Account number", PAYPAL: "PayPal email", INSTANT: "Debit card number", WIRE: "IBAN or account number" };
export const SCHEDULE_LABEL: Record<string, string> = {
  WEEKLY: "Weekly (every Wednesday)",
  TWICE_MONTHLY: "Twice a month (1st and 3rd Wednesday)",
  MONTHLY: "Monthly (last Wednesday)",
  QUARTERLY: "Quarterly (last Wednesday of the quarter)",
};
