/** The body of every error response: a stable machine code and a message in both UI languages. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

export interface ErrorBody {
  code: string;
  message: LocalizedMessage;
  details?: unknown;
}

/** One entry of `details` in a `VALIDATION_FAILED` error; nested fields are dotted paths. */
export interface FieldViolation {
  /** e.g. `idNumber`, or `materials.0.code` for a nested field. */
  property: string;
  /** class-validator constraint name → its (English) message, e.g. `{ maxLength: '…' }`. */
  constraints: Record<string, string>;
}
