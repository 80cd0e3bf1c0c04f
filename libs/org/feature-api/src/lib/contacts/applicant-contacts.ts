import { Global, Injectable, Module } from '@nestjs/common';
import { ApplicantRepository, OrgDataAccessModule } from '@zhengwu/org/data-access';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { NOTIFICATION_RECIPIENTS, NotificationContact, NotificationRecipients } from '@zhengwu/server/notifications';

/**
 * Where to send an applicant's notifications: the mobile is decrypted only here, in the
 * applicant's own scope, at the moment a message leaves (never stored with the notification).
 */
@Injectable()
export class ApplicantContacts implements NotificationRecipients {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applicants: ApplicantRepository,
    private readonly protector: PersonalDataProtector,
  ) {}

  async contactOf(applicantId: string): Promise<NotificationContact | null> {
    const applicant = await this.uow.run({ applicantId }, () => this.applicants.findById(applicantId));
    if (!applicant) return null;
    return { name: applicant.kind === 'legal_person' ? (applicant.contactName ?? applicant.name) : applicant.name, mobile: this.protector.decrypt(applicant.mobileSealed) };
  }
}

/** Binds the notification drivers' recipient lookup for the whole application. */
@Global()
@Module({
  imports: [OrgDataAccessModule],
  providers: [ApplicantContacts, { provide: NOTIFICATION_RECIPIENTS, useExisting: ApplicantContacts }],
  exports: [NOTIFICATION_RECIPIENTS],
})
export class ApplicantContactsModule {}
