import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateStaffRequest, RegisterLegalPersonRequest, RegisterNaturalPersonRequest } from './auth.dto';
import { Permission, permissionsOfRoles } from './permission';
import { StaffRole } from './role';

function problems<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain)).map((error) => error.property).sort();
}

describe('auth DTOs', () => {
  it('accepts a natural person with a valid resident ID number', () => {
    expect(problems(RegisterNaturalPersonRequest, { name: '张三', idNumber: '11010519491231002X', mobile: '13800138000', password: 'long-enough' })).toEqual([]);
  });

  it('rejects a resident ID number with a wrong check digit, a short password and a landline', () => {
    expect(
      problems(RegisterNaturalPersonRequest, { name: '张三', idNumber: '110105194912310021', mobile: '02812345678', password: 'short' }),
    ).toEqual(['idNumber', 'mobile', 'password']);
  });

  it('checks the USCC check character', () => {
    const valid = { name: '华为技术有限公司', uscc: '914403001922038216', contactName: '联系人', mobile: '13900139000', password: 'long-enough' };
    expect(problems(RegisterLegalPersonRequest, valid)).toEqual([]);
    expect(problems(RegisterLegalPersonRequest, { ...valid, uscc: '914403001922038217' })).toEqual(['uscc']);
  });

  it('accepts only known, distinct staff roles', () => {
    const base = { username: 'li.si', name: '李四', password: 'long-enough' };
    expect(problems(CreateStaffRequest, { ...base, roles: ['reviewer'] })).toEqual([]);
    expect(problems(CreateStaffRequest, { ...base, roles: ['overlord'] })).toEqual(['roles']);
    expect(problems(CreateStaffRequest, { ...base, roles: ['reviewer', 'reviewer'] })).toEqual(['roles']);
    expect(problems(CreateStaffRequest, { ...base, roles: [] })).toEqual(['roles']);
    expect(problems(CreateStaffRequest, { ...base, username: 'Li Si', roles: ['reviewer'] })).toEqual(['username']);
  });
});

describe('permissionsOfRoles', () => {
  it('unions the permissions of several roles', () => {
    expect(permissionsOfRoles([StaffRole.Reviewer])).toEqual([Permission.ProfileRead, Permission.ApplicationView, Permission.ApplicationRead, Permission.StepHandle]);
    const both = permissionsOfRoles([StaffRole.Supervisor, StaffRole.CentreAdmin]);
    expect(both).toEqual(expect.arrayContaining([Permission.NoticeOverride, Permission.CatalogueManage, Permission.StaffManage]));
    expect(new Set(both).size).toBe(both.length);
    expect(both).not.toContain(Permission.Decide);
  });
});
