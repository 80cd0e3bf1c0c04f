import type { StaffProfile } from '@zhengwu/shared/contracts';
import { StaffRole } from '@zhengwu/shared/contracts';
import { activeHeadIds, headCandidates, sameHeads } from './department-heads.page';

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
  it('offers the active staff by name, and starts from the heads still active', () => {
    const staff = [person('3', '王五'), person('1', '张三'), person('2', '李四', false)];
    expect(headCandidates(staff).map((c) => [c.staffId, c.username])).toEqual([
      ['3', 'u3'],
      ['1', 'u1'],
    ]);
    // A deactivated head is not selected: saving the row drops them (the server takes active staff only).
    expect(activeHeadIds(department([{ staffId: '2', staffName: '李四', active: false }, { staffId: '1', staffName: '张三', active: true }]))).toEqual(['1']);
  });

  it('compares choices of heads as sets', () => {
    expect(sameHeads(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameHeads(['a'], ['a', 'b'])).toBe(false);
    expect(sameHeads([], [])).toBe(true);
  });
});
