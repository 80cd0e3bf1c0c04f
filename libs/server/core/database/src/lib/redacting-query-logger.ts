import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own loggers print failed queries WITH their parameters, which would put identity
 * numbers, mobiles and password hashes into logs. This one logs the SQL text and the error only.
 */
export class RedactingQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Successful queries are not logged (metrics cover volume and latency).
  }

  logQueryError(error: string | Error, query: string): void {
    const { code, constraint } = (error as { code?: string; constraint?: string }) ?? {};
    const message = error instanceof Error ? error.message : error;
    // Constraint violations are expected outcomes mapped to 4xx by the services.
    const log = code === '23505' || code === '23503' || code === '23514' ? 'debug' : 'error';
    this.logger[log](`${message}${code ? ` [${code}${constraint ? ` ${constraint}` : ''}]` : ''} in: ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(): void {
    // Schema changes run through migrations, which report themselves.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') {
      this.logger.warn(String(message));
    }
  }
}

function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, 500);
}
