import { ApplicantEntity } from './entities/applicant.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { CentreEntity } from './entities/centre.entity';
import { DivisionEntity } from './entities/division.entity';
import { StaffEntity } from './entities/staff.entity';
import { DivisionsAndCentres1795780000100 } from './migrations/1795780000100-divisions-and-centres';
import { Staff1795780000200 } from './migrations/1795780000200-staff';
import { Applicants1795780000300 } from './migrations/1795780000300-applicants';
import { AuditEvents1795780000400 } from './migrations/1795780000400-audit-events';

export const ORG_ENTITIES = [DivisionEntity, CentreEntity, StaffEntity, ApplicantEntity, AuditEventEntity];

export const ORG_MIGRATIONS = [
  DivisionsAndCentres1795780000100,
  Staff1795780000200,
  Applicants1795780000300,
  AuditEvents1795780000400,
];
