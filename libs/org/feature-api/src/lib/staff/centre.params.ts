import { Matches } from 'class-validator';

/** A route addressing one centre: `/centres/:centreCode/...`. */
export class CentreParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}
