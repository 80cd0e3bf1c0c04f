import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { ApplicantEntity } from '../entities/applicant.entity';

/**
 * Applicant accounts. Reads happen either as the applicant themself (`applicantId` scope) or in a
 * login lookup scope keyed by the identifier's hash, which RLS turns into "that row or nothing".
 */
@Injectable()
export class ApplicantRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findById(applicantId: string): Promise<ApplicantEntity | null> {
    return this.uow.manager({ applicantId }).getRepository(ApplicantEntity).findOne({ where: { id: applicantId } });
  }

  /** All accounts matching a lookup hash (identity hashes are unique; a mobile may be shared). */
  findByLookup(lookupHash: string): Promise<ApplicantEntity[]> {
    return this.uow
      .manager({ applicantLookup: lookupHash })
      .getRepository(ApplicantEntity)
      .find({ where: [{ identityHash: lookupHash }, { mobileHash: lookupHash }], take: 5 });
  }

  async insert(applicant: ApplicantEntity): Promise<void> {
    await this.uow.manager({ applicantId: applicant.id }).getRepository(ApplicantEntity).insert(applicant);
  }

  async recordLoginFailure(lookupHash: string, id: string, lockedUntil: Date | null): Promise<void> {
    await this.uow
      .manager({ applicantLookup: lookupHash })
      .getRepository(ApplicantEntity)
      .createQueryBuilder()
      .update()
      .set({ failedLogins: () => 'failed_logins + 1', lockedUntil })
      .where('id = :id', { id })
      .execute();
  }

  async recordLoginSuccess(lookupHash: string, id: string): Promise<void> {
    await this.uow
      .manager({ applicantLookup: lookupHash })
      .getRepository(ApplicantEntity)
      .update({ id }, { failedLogins: 0, lockedUntil: null });
  }
}
