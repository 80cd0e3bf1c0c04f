import { Injectable } from '@nestjs/common';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { In } from 'typeorm';
import { SampleDocumentEntity } from '../entities/sample-document.entity';

/** Sample documents of one centre; immutable once stored, one row per distinct content. */
@Injectable()
export class SampleDocumentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Metadata only, newest first. */
  list(tenantId: string): Promise<SampleDocumentEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId }, order: { uploadedAt: 'DESC' } });
  }

  /** Metadata only. */
  findById(tenantId: string, id: string): Promise<SampleDocumentEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, id } });
  }

  findByIds(tenantId: string, ids: readonly string[]): Promise<SampleDocumentEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo(tenantId).find({ where: { tenantId, id: In([...ids]) } });
  }

  findBySha256(tenantId: string, sha256: string): Promise<SampleDocumentEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, sha256 } });
  }

  /** Metadata and bytes, for the download. */
  findWithContent(tenantId: string, id: string): Promise<SampleDocumentEntity | null> {
    return this.repo(tenantId)
      .createQueryBuilder('document')
      .addSelect('document.content')
      .where('document.tenantId = :tenantId AND document.id = :id', { tenantId, id })
      .getOne();
  }

  async insert(tenantId: string, document: SampleDocumentEntity): Promise<void> {
    assertSameTenant(tenantId, document.tenantId);
    await this.repo(tenantId).insert(document);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(SampleDocumentEntity);
  }
}
