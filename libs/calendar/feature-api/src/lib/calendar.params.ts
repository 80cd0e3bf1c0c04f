import { IsCivilDateString } from '@zhengwu/shared/contracts';
import { Matches } from 'class-validator';

/** A route addressing one centre: `/centres/:centreCode/...`. */
export class CalendarCentreParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

export class CalendarOverrideParams extends CalendarCentreParams {
  @IsCivilDateString()
  date!: string;
}
