import type { UnitOfWork } from '@zhengwu/server/core/database';
import { CENTRE_CALENDAR_TTL_MS, CentreCalendar } from './centre-calendar';
import type { CalendarOverrideEntity } from './entities/calendar-override.entity';
import type { CalendarOverrideRepository } from './repositories/calendar-override.repository';

/** The cache in isolation; the database half is covered by calendar-feature-api's integration tests. */
describe('CentreCalendar', () => {
  let rows: Record<string, CalendarOverrideEntity[]>;
  let loads: string[];
  let scopes: unknown[];
  let beforeList: (() => void) | undefined;
  let calendars: CentreCalendar;

  beforeEach(() => {
    rows = {};
    loads = [];
    scopes = [];
    beforeList = undefined;
    // Outside any unit of work: each read opens its own, scoped to the centre.
    const uow = {
      runForCentre: (tenantId: string, work: () => Promise<unknown>) => (scopes.push({ tenantId }), work()),
      assertReadableFor: () => undefined,
    } as unknown as UnitOfWork;
    const repository = {
      list: async (tenantId: string) => {
        loads.push(tenantId);
        beforeList?.();
        return rows[tenantId] ?? [];
      },
    } as unknown as CalendarOverrideRepository;
    calendars = new CentreCalendar(uow, repository);
  });
  afterEach(() => jest.useRealTimers());

  function closure(tenantId: string, date: string): CalendarOverrideEntity {
    return { tenantId, date, kind: 'closed', reason: '防汛应急闭厅', createdBy: null, createdAt: new Date() };
  }

  it("layers the centre's overrides on the national calendar, read in a unit of work for that centre", async () => {
    rows['510900'] = [closure('510900', '2026-10-15')];
    const suining = await calendars.forCentre('510900');
    expect(suining.addWorkingDays('2026-09-18', 20).date).toBe('2026-10-23');
    expect(scopes).toEqual([{ tenantId: '510900' }]);
    const shehong = await calendars.forCentre('510981');
    expect(shehong.addWorkingDays('2026-09-18', 20).date).toBe('2026-10-22');
  });

  it('answers repeated calls from the cache', async () => {
    const first = await calendars.forCentre('510900');
    const second = await calendars.forCentre('510900');
    expect(second).toBe(first);
    expect(loads).toEqual(['510900']);
  });

  it("reloads a centre after invalidation, and only that centre", async () => {
    await calendars.forCentre('510900');
    await calendars.forCentre('510981');
    rows['510900'] = [closure('510900', '2026-10-15')];
    calendars.invalidate('510900');
    expect((await calendars.forCentre('510900')).isWorkingDay('2026-10-15').working).toBe(false);
    await calendars.forCentre('510981');
    expect(loads).toEqual(['510900', '510981', '510900']);
  });

  it('does not cache a load that raced with an invalidation', async () => {
    beforeList = () => calendars.invalidate('510900');
    await calendars.forCentre('510900');
    beforeList = undefined;
    await calendars.forCentre('510900');
    expect(loads).toEqual(['510900', '510900']);
  });

  it('expires entries so other replicas pick up changes', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T02:00:00Z') });
    await calendars.forCentre('510900');
    jest.setSystemTime(Date.now() + CENTRE_CALENDAR_TTL_MS - 1);
    await calendars.forCentre('510900');
    expect(loads).toHaveLength(1);
    jest.setSystemTime(Date.now() + 1);
    await calendars.forCentre('510900');
    expect(loads).toHaveLength(2);
  });
});
