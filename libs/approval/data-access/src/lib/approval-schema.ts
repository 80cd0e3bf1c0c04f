import { ApplicationEventEntity } from './entities/application-event.entity';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity } from './entities/application-notice.entity';
import { ApplicationPauseEntity } from './entities/application-pause.entity';
import { ApplicationStepEntity } from './entities/application-step.entity';
import { ApplicationEntity } from './entities/application.entity';
import { ApprovalSettingsEntity } from './entities/approval-settings.entity';
import { RatingEntity } from './entities/rating.entity';
import { RectificationEntity } from './entities/rectification.entity';
import { Applications1795800000100 } from './migrations/1795800000100-applications';
import { ApplicationEvents1795800000200 } from './migrations/1795800000200-application-events';
import { Ratings1795800000300 } from './migrations/1795800000300-ratings';
import { OriginalsChecks1795800000400 } from './migrations/1795800000400-originals-checks';
import { OriginalsCheckEntity } from './entities/originals-check.entity';
import { VerificationTaskEntity } from './entities/verification-task.entity';
import { CounterIntakeEntity, CounterIntakeMaterialEntity } from './entities/counter-intake.entity';
import { CounterSupplements1795800000800 } from './migrations/1795800000800-counter-supplements';
import { CounterIntakes1795800000500 } from './migrations/1795800000500-counter-intakes';
import { RectificationHandling1795800000600 } from './migrations/1795800000600-rectification-handling';
import { HallDisplayEntity } from './entities/hall-display.entity';
import { HallDisplays1795800000700 } from './migrations/1795800000700-hall-displays';

export const APPROVAL_ENTITIES = [
  ApplicationEntity,
  ApplicationMaterialEntity,
  ApplicationStepEntity,
  ApplicationNoticeEntity,
  ApplicationPauseEntity,
  ApplicationEventEntity,
  RatingEntity,
  RectificationEntity,
  ApprovalSettingsEntity,
  OriginalsCheckEntity,
  VerificationTaskEntity,
  CounterIntakeEntity,
  CounterIntakeMaterialEntity,
  HallDisplayEntity,
];

export const APPROVAL_MIGRATIONS = [
  Applications1795800000100,
  ApplicationEvents1795800000200,
  Ratings1795800000300,
  OriginalsChecks1795800000400,
  CounterIntakes1795800000500,
  RectificationHandling1795800000600,
  HallDisplays1795800000700,
  CounterSupplements1795800000800,
];
