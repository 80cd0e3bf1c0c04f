import { Module } from '@nestjs/common';
import { ApplicantRepository } from './repositories/applicant.repository';
import { AuditLog } from './repositories/audit-log';
import { CentreRepository } from './repositories/centre.repository';
import { StaffRepository } from './repositories/staff.repository';

@Module({
  providers: [StaffRepository, ApplicantRepository, CentreRepository, AuditLog],
  exports: [StaffRepository, ApplicantRepository, CentreRepository, AuditLog],
})
export class OrgDataAccessModule {}
