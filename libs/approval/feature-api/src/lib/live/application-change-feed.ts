import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APPLICATION_CHANGES_CHANNEL } from '@zhengwu/approval/data-access';
import { AppConfig } from '@zhengwu/server/core/config';
import { Client } from 'pg';
import { filter, Observable, share, Subject } from 'rxjs';

export interface ApplicationChange {
  tenantId: string;
  applicationId: string;
  seq: string;
}

const RECONNECT_MS = 2000;

/**
 * One LISTEN connection per process, shared by every live view: each committed transition sends a
 * NOTIFY (see EventLog.append) and subscribers for that application get a signal to reload. Only
 * identifiers travel on the channel; what a subscriber may see is checked when it subscribes.
 */
@Injectable()
export class ApplicationChangeFeed implements OnModuleDestroy {
  private readonly logger = new Logger('ApplicationChangeFeed');
  private readonly changes = new Subject<ApplicationChange>();
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** Changes of one application, as they commit. */
  changesOf(tenantId: string, applicationId: string): Observable<ApplicationChange> {
    void this.ensureListening();
    return this.changes.pipe(
      filter((change) => change.tenantId === tenantId && change.applicationId === applicationId),
      share(),
    );
  }

  /** Changes of any application of one centre, as they commit (the hall display's feed). */
  changesIn(tenantId: string): Observable<ApplicationChange> {
    void this.ensureListening();
    return this.changes.pipe(
      filter((change) => change.tenantId === tenantId),
      share(),
    );
  }

  /** Resolves once the LISTEN is in place (tests wait for it before causing a change). */
  ready(): Promise<void> {
    return this.ensureListening();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private ensureListening(): Promise<void> {
    this.connecting ??= this.listen().catch((error: Error) => {
      this.logger.warn(`Live updates unavailable: ${error.message}`);
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: `zhengwu-live:${this.config.DEPLOYMENT_ID}` });
    client.on('notification', (message) => {
      if (message.channel !== APPLICATION_CHANGES_CHANNEL || !message.payload) return;
      const parsed = parse(message.payload);
      if (parsed) this.changes.next(parsed);
    });
    client.on('error', (error) => {
      this.logger.warn(`Live updates connection lost: ${error.message}`);
      this.client = undefined;
      this.connecting = undefined;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.ensureListening().catch(() => undefined), RECONNECT_MS).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${APPLICATION_CHANGES_CHANNEL}`);
    this.client = client;
  }
}

function parse(payload: string): ApplicationChange | undefined {
  try {
    const value = JSON.parse(payload) as { t?: unknown; a?: unknown; s?: unknown };
    return typeof value.t === 'string' && typeof value.a === 'string'
      ? { tenantId: value.t, applicationId: value.a, seq: String(value.s) }
      : undefined;
  } catch {
    return undefined;
  }
}

