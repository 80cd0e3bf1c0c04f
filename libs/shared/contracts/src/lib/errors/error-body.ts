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
