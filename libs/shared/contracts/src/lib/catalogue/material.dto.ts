import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CATALOGUE_CODE_PATTERN } from './catalogue-codes';

/** `PUT /centres/:centreCode/items/:itemId/materials/:materialId`; the code is fixed once created. */
export class UpdateMaterialRequest {
  @IsString() @MinLength(2) @MaxLength(200)
  name!: string;

  /** What the material must show, how it is signed or sealed, where it comes from. */
  @IsString() @MaxLength(2000)
  description!: string;

  @IsBoolean()
  required!: boolean;

  /** 原件份数 (shown at the originals check). */
  @IsInt() @Min(0) @Max(20)
  originalCount!: number;

  /** 复印件份数. */
  @IsInt() @Min(0) @Max(20)
  copyCount!: number;

  /** 容缺受理: the application may be accepted while this material is owed. */
  @IsBoolean()
  deferrable!: boolean;

  /** 告知承诺 (国办发〔2020〕42号): a written promise may replace it. */
  @IsBoolean()
  commitmentAllowed!: boolean;

  /** A sample document (示范文本) uploaded to the same centre. */
  @IsOptional() @IsUUID('all')
  sampleDocumentId?: string | null;

  @IsOptional() @IsInt() @Min(0) @Max(999)
  ordering?: number;
}

/** `POST /centres/:centreCode/items/:itemId/materials`. */
export class CreateMaterialRequest extends UpdateMaterialRequest {
  /** Unique within the item; applications name their materials by it. */
  @IsString() @Matches(CATALOGUE_CODE_PATTERN, { message: 'code must be 1–40 letters, digits, ".", "_" or "-"' })
  code!: string;
}

export interface SampleDocumentView {
  id: string;
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedAt: string;
  /** Public download path. */
  url: string;
}

export interface MaterialView {
  id: string;
  code: string;
  name: string;
  description: string;
  required: boolean;
  originalCount: number;
  copyCount: number;
  deferrable: boolean;
  commitmentAllowed: boolean;
  ordering: number;
  sampleDocument: SampleDocumentView | null;
}
