import { Injectable } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { DataSource } from 'typeorm';

export type CheckStatus = 'ok' | 'down';

export interface HealthReport {
  status: CheckStatus;
  deployment: string;
  checks: Record<string, { status: CheckStatus; latencyMs?: number; error?: string }>;
}

/** A health probe: other components (the message bus) add their own checks as they arrive. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}


const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly extraChecks: HealthCheck[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  register(check: HealthCheck): void {
    this.extraChecks.push(check);
  }

  async check(): Promise<HealthReport> {
    const all: HealthCheck[] = [
      { name: 'database', check: async () => void (await this.dataSource.query('SELECT 1')) },
      ...this.extraChecks,
    ];
    const results = await Promise.all(all.map(async (c) => [c.name, await timed(c)] as const));
    const checks = Object.fromEntries(results);
    const status: CheckStatus = results.every(([, r]) => r.status === 'ok') ? 'ok' : 'down';
    return { status, deployment: this.config.DEPLOYMENT_ID, checks };
  }
}

async function timed(check: HealthCheck): Promise<{ status: CheckStatus; latencyMs?: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
