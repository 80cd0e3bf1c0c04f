import type { AppConfig } from '@zhengwu/server/core/config';
import type { RollupTiming } from '@zhengwu/supervision/domain';

/** How often snapshots go up, and when a centre beneath counts as missing. */
export interface RollupSettings extends RollupTiming {
  /** How often the worker loop looks whether a snapshot is due (a fraction of the interval). */
  tickMs: number;
}

export const ROLLUP_SETTINGS = Symbol('ROLLUP_SETTINGS');

export function rollupSettingsFrom(config: Pick<AppConfig, 'SUPERVISION_SNAPSHOT_INTERVAL_MS' | 'SUPERVISION_SNAPSHOT_GRACE'>): RollupSettings {
  const intervalMs = config.SUPERVISION_SNAPSHOT_INTERVAL_MS;
  return { intervalMs, graceFactor: config.SUPERVISION_SNAPSHOT_GRACE, tickMs: Math.max(500, Math.min(60_000, Math.round(intervalMs / 5))) };
}
