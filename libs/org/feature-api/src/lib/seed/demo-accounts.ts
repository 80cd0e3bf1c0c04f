import { StaffRole } from '@zhengwu/shared/contracts';
import { generateResidentIdNumber, generateUscc } from '@zhengwu/shared/util';

/** Demo data for `npm start`: printed at boot, never created unless SEED_DEMO=true. */
export const DEMO_PASSWORD = 'Zhengwu@2026';

export const DEMO_CENTRES = ['510000', '510900', '510981'] as const;

export const DEMO_STAFF: ReadonlyArray<{ username: string; name: string; roles: StaffRole[] }> = [
  { username: 'admin', name: '中心管理员', roles: [StaffRole.CentreAdmin] },
  { username: 'clerk', name: '窗口收件员', roles: [StaffRole.WindowClerk] },
  { username: 'reviewer', name: '审核员', roles: [StaffRole.Reviewer] },
  { username: 'approver', name: '审批员', roles: [StaffRole.Approver] },
  { username: 'supervisor', name: '电子监察员', roles: [StaffRole.Supervisor] },
];

/** A Shehong (510981) resident, the applicant of the seed story. */
export const DEMO_APPLICANT = {
  name: '张小明',
  idNumber: generateResidentIdNumber({ divisionCode: '510981', birthDate: '1990-03-07', sequence: 123 }),
  mobile: '13800138000',
};

export const DEMO_COMPANY = {
  name: '射洪市蓝天食品有限公司',
  uscc: generateUscc({ divisionCode: '510981', serial: 1 }),
  contactName: '李晓红',
  mobile: '13900139000',
};
