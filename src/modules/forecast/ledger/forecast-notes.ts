/** How to read the forecast; returned with it so no reader has to guess. */
export const FORECAST_NOTES = [
  'expected: each open amount times its predicted probability of arriving in the week (from the invoice’s whole predicted distribution of payment dates, not only its P50 date).',
  'low/high: the P10 and P90 of the week’s receipts, expected -/+ 1.28 standard deviations, each invoice arriving in the week or not with its probability, independently of the others (a customer settling many invoices in one payment makes real weeks lumpier: past shows how often actual fell inside). The cumulative columns are the same for everything from as_of to the end of the week.',
  'Predictions are conditioned on what is still unpaid on as_of: an overdue invoice is expected on or after as_of, from the model’s late tail.',
  'Weeks start on the Monday on or before as_of (a date in the org’s time zone); the first week holds only what is still expected from as_of on; beyond holds what is expected after the last week.',
  'Amounts are per invoice currency (by_currency) and in the base currency at each invoice’s own rate.',
  'past: for each week, the model fitted on what was known at its start and its forecast for that week, against receipts dated in it (which include cash for invoices issued during the week and unapplied cash).',
  'Promises to pay: Settle records none yet (the collections work adds them); a promise passed in takes the promised amount to its date.',
];
