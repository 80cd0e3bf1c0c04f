import { Transform } from 'class-transformer';
import { IsInt, IsUUID, Matches, Min } from 'class-validator';

export class ApplicationParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;

  @IsUUID()
  id!: string;
}

export class MaterialParams extends ApplicationParams {
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'materialCode is not a material code' })
  materialCode!: string;
}

export class MaterialVersionParams extends MaterialParams {
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  version!: number;
}

export class CentreCodeParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

export class CaseNumberParams {
  @Matches(/^\d{22}[0-9X]$/, { message: 'caseNumber must be a 23-character case number' })
  caseNumber!: string;
}
