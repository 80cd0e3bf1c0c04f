import { Matches } from 'class-validator';

export class RoutingCentreParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}
