import { ERROR_CODES, type ErrorCode } from './codes.ts';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** The one error type: a closed code, a message for people, details for programs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown } = {}) {
    super(options.message ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
