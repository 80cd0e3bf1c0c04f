import { TypeOrmModule } from '@nestjs/typeorm';
import { ORG_ENTITIES } from './org-schema';
import { Module } from '@nestjs/common';
import { ApplicantRepository } from './repositories/applicant.repository';
import { AuditLog } from './repositories/audit-log';
import { CentreRepository } from './repositories/centre.repository';
import { StaffRepository } from './repositories/staff.repository';

@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  providers: [StaffRepository, ApplicantRepository, CentreRepository, AuditLog],
  exports: [StaffRepository, ApplicantRepository, CentreRepository, AuditLog],
})
export class OrgDataAccessModule {}
