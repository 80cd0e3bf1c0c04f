import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Min } from 'class-validator';

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

  @IsInt() @Min(0)
  appliedTotalFromRequester!: number;

  @IsString()
  at!: string;
}
