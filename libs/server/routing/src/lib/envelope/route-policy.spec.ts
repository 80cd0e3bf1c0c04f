import { ROUTE_CONTRACTS, ROUTE_TYPES, RouteType } from '@zhengwu/shared/contracts';
import { isRouteAllowed, PROVINCE_CENTRE, ROUTE_POLICIES, RoutePolicy } from './route-policy';
import { payloadProblems } from './route-payload';

describe('the route policy table', () => {
  it('has a policy and a payload contract for every route type', () => {
    expect(Object.keys(ROUTE_POLICIES).sort()).toEqual([...ROUTE_TYPES].sort());
    expect(Object.keys(ROUTE_CONTRACTS).sort()).toEqual([...ROUTE_TYPES].sort());
  });

  it.each([
    ['directory.updated.v1', PROVINCE_CENTRE, '510981', true],
    ['directory.updated.v1', PROVINCE_CENTRE, PROVINCE_CENTRE, true],
    ['directory.updated.v1', '510981', '510900', false],
    ['directory.updated.v1', '510900', PROVINCE_CENTRE, false],
    ['verification.requested.v1', '510900', '510981', true],
    ['verification.requested.v1', '510900', '510900', true],
    ['verification.completed.v1', '510981', '510900', true],
    ['application.forwarded.v1', '510981', '510900', true],
    ['application.status.v1', '510900', '510981', true],
    ['reconcile.request.v1', '510981', '510000', true],
    ['reconcile.report.v1', '510000', '510981', true],
    ['supervision.snapshot.v1', '510981', '510900', true],
    ['supervision.snapshot.v1', '510981', PROVINCE_CENTRE, true],
    ['supervision.snapshot.v1', '510900', PROVINCE_CENTRE, true],
    ['supervision.snapshot.v1', '510900', '510981', false],
    ['supervision.snapshot.v1', PROVINCE_CENTRE, '510900', false],
    ['supervision.snapshot.v1', '510981', '510981', false],
    ['supervision.snapshot.v1', '510981', '510100', false],
  ] as const)('%s from %s to %s: %s', (type, from, to, allowed) => {
    expect(isRouteAllowed(type, from, to)).toBe(allowed);
  });

  it('is data: a table that narrows receivers is obeyed as written', () => {
    const onlyUpward: Readonly<Record<RouteType, RoutePolicy>> = {
      ...ROUTE_POLICIES,
      'verification.completed.v1': { senders: { kind: 'any' }, receivers: { kind: 'centres', codes: ['510900'] } },
    };
    expect(isRouteAllowed('verification.completed.v1', '510981', '510900', onlyUpward)).toBe(true);
    expect(isRouteAllowed('verification.completed.v1', '510900', '510981', onlyUpward)).toBe(false);
  });
});

describe('payload contracts', () => {
  it('names what is wrong, nested members and unknown members included', () => {
    expect(payloadProblems('reconcile.request.v1', { envelopeIds: ['0190f3a2-7b1c-7d4e-8f00-123456789abc'] })).toEqual([]);
    expect(payloadProblems('reconcile.request.v1', { envelopeIds: ['x'] })).toEqual([expect.stringContaining('envelopeIds')]);
    expect(payloadProblems('reconcile.request.v1', { envelopeIds: [], sneaky: true })).toEqual([expect.stringContaining('sneaky')]);
    expect(payloadProblems('application.status.v1', [])).toEqual(['payload must be a JSON object']);
    const problems = payloadProblems('verification.requested.v1', {
      caseNumber: '51090020260506020000017',
      itemName: 'x',
      applicant: { kind: 'natural_person', name: 'n', identityMasked: 'm' },
      materials: [{ code: 'M01', name: 'n', version: 0, sha256: 'nothex', mediaType: 'application/pdf', sizeBytes: 1, fileName: 'a.pdf', originalCount: 1, copyCount: 1 }],
      limitWorkingDays: 3,
    });
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('materials.0.version'), expect.stringContaining('materials.0.sha256')]));
  });
});
