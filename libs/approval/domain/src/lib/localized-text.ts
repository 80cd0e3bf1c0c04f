/**
 * A text in both UI languages. Structurally the same as `LocalizedMessage` in
 * `@zhengwu/shared/contracts` (a domain library may not import contracts), so labels and error
 * messages from here drop straight into API bodies.
 */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}
