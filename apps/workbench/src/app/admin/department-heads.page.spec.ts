import type { StaffProfile } from '@zhengwu/shared/contracts';
import { StaffRole } from '@zhengwu/shared/contracts';
import { headCandidates, sameHeads } from './department-heads.page';

const person = (id: string, name: string, active = true): StaffProfile => ({
  id,
  centreCode: '510900',
  username: `u${id}`,
  name,
  roles: [StaffRole.Approver],
  active,
  createdAt: '2026-11-01T00:00:00.000Z',
});

const department = (heads: Array<{ staffId: string; staffName: string; active: boolean }>) => ({
  departmentId: 'd1',
  departmentCode: 'SCJG',
  departmentName: '市场监督管理局',
  heads: heads.map((head) => ({ ...head, assignedAt: '2026-11-02T00:00:00.000Z' })),
});

describe('department heads page logic', () => {
  it('offers the active staff by name, and keeps a deactivated head selectable so it can be taken off', () => {
    const staff = [person('3', '王五'), person('1', '张三'), person('2', '李四', false)];
    const candidates = headCandidates(staff, department([{ staffId: '2', staffName: '李四', active: false }]));
    expect(candidates.map((c) => [c.staffId, c.active, c.username])).toEqual([
      ['2', false, null],
      ['3', true, 'u3'],
      ['1', true, 'u1'],
    ]);
    // Without such a head, inactive accounts are not offered.
    expect(headCandidates(staff, department([])).map((c) => c.staffId)).toEqual(['3', '1']);
  });

  it('compares choices of heads as sets', () => {
    expect(sameHeads(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameHeads(['a'], ['a', 'b'])).toBe(false);
    expect(sameHeads([], [])).toBe(true);
  });
});
