import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { TextDecoder, TextEncoder } from 'node:util';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no TextEncoder/TextDecoder; the live stream decodes with them as browsers do.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder, TextEncoder: globalThis.TextEncoder ?? TextEncoder });
