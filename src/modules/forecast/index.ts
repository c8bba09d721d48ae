export { evaluatePaymentModel } from './evaluation/evaluate-payment-model.ts';
export type { EvaluationReport, ModelScores } from './evaluation/evaluation.types.ts';
export { type ArSample, parseArSample, type SkippedLine } from './evaluation/parse-ar-sample.ts';
export type { Scores } from './evaluation/score-predictions.ts';
export * from './forecast.schemas.ts';
export type { PaymentCase, PaymentPrediction, PredictionBasis, PromiseToPay } from './forecast.types.ts';
export { type ForecastOptions, forecastReceipts } from './ledger/forecast-receipts.ts';
export { predictOpenInvoices } from './ledger/predict-open-invoices.ts';
