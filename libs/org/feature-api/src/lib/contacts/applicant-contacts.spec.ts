import { createTestApp, TestApp, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicantTokenResponse } from '@zhengwu/shared/contracts';
import { OrgFeatureModule } from '../org-feature.module';
import { ApplicantContacts, ApplicantContactsModule } from './applicant-contacts';

describe('ApplicantContacts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [OrgFeatureModule, ApplicantContactsModule] });
  });
  afterAll(() => t.close());

  it('decrypts the mobile of exactly the applicant asked for', async () => {
    const mobile = uniqueMobile();
    const registered = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', {
      name: '通知人',
      idNumber: uniqueResidentIdNumber(),
      mobile,
      password: 'Notify-Pass-1',
    });
    const contacts = t.app.get(ApplicantContacts);
    expect(await contacts.contactOf(registered.body.profile.id)).toEqual({ name: '通知人', mobile });
    expect(await contacts.contactOf('01a21d5e-0000-7000-8000-000000000000')).toBeNull();
  });
});
