import { ALL_MIGRATIONS } from './schema';

describe('schema', () => {
  it('runs migrations in the order they are listed, each named after its class and timestamp', () => {
    const names = ALL_MIGRATIONS.map((migration) => new migration().name);
    const classNames = ALL_MIGRATIONS.map((migration) => migration.name);
    expect(names).toEqual(classNames);
    const timestamps = names.map((name) => Number(/(\d{13})$/.exec(name ?? '')?.[1]));
    expect(timestamps.every((t) => Number.isFinite(t))).toBe(true);
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });
});
