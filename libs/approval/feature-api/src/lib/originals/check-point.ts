import type { ApplicationEntity } from '@zhengwu/approval/data-access';

/** Whether the case still needs its originals checked at this point of its item's procedure. */
export function awaitsOriginalsCheck(application: ApplicationEntity, point: ApplicationEntity['originalsCheckPoint']): boolean {
  return application.originalsCheckRequired && !application.originalsVerified && application.originalsCheckPoint === point;
}
