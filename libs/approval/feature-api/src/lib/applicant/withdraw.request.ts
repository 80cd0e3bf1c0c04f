import { IsOptional, IsString, MaxLength } from 'class-validator';

export class WithdrawRequest {
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}
