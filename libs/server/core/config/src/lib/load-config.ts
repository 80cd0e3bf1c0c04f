import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and validates the environment. The only place in the server that reads `process.env`;
 * everything else receives the validated `AppConfig`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of declaredVariables()) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      input[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map(describe));
  }
  return config;
}

function describe(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  if (error.value === undefined) {
    return `${error.property} is required (${messages.join('; ')})`;
  }
  return messages.join('; ');
}

/** The variables AppConfig declares, taken from its validation metadata so the two cannot drift. */
function declaredVariables(): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}
