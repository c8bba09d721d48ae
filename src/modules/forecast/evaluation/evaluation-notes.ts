/** What a reader of the evaluation must know to judge it; printed with every report. */
export const EVALUATION_NOTES = [
  'Target: SettledDate only. DaysToSettle and DaysLate are SettledDate minus InvoiceDate or DueDate; they are never read.',
  'Features of an invoice use only what was known on its invoice date: the same customer’s invoices settled before that date (test invoices count once settled), invoices still open on it, the invoice’s own amount, paperless status (PaperlessDate before InvoiceDate) and country.',
  'The model (median regression on empirical-Bayes customer levels) and its optional feature groups are chosen on the newest 20% of the training period; the test set is scored once.',
  'model uses the invoice’s own Disputed flag as if known when predicting: the sample does not say when a dispute was opened (in Settle a dispute counts from the day it is opened). model_without_dispute_flag drops it and keeps the customer’s past dispute rate.',
  'Baselines: customer_mean is each customer’s mean over the training invoices (global mean for unknown customers); global_mean is the training mean; customer_mean_online has the model’s information (settled before the invoice date).',
  'Bands: P10/P90 are the model’s median plus training residual quantiles scaled by the customer’s spread; interval_coverage_p10_p90 is the share of test invoices settled inside them.',
];
