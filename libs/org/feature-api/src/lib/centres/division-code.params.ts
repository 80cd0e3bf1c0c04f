import { Matches } from 'class-validator';

export class DivisionCodeParams {
  @Matches(/^\d{6}$/, { message: 'code must be a 6-digit division code' })
  code!: string;
}
