import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** A centre asks a peer which of the envelopes it sent there the peer has applied. */
export class ReconcileRequestV1 {
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  envelopeIds!: string[];
}

export class ReconcileReportV1 {
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  applied!: string[];

  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  unknown!: string[];

  /** Received, but the receiver's handler refused them for good (an alert was raised there). */
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  failed?: string[];

  @IsInt() @Min(0)
  appliedTotalFromRequester!: number;

  @IsString()
  at!: string;
}
