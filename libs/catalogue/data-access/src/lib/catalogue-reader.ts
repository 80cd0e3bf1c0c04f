import { Injectable } from '@nestjs/common';
import type { ItemForApplication, MaterialForApplication, PinnedProcedure } from '@zhengwu/catalogue/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { isUuid } from '@zhengwu/server/core/tenancy';

const STEPS_JSON = `coalesce((
  SELECT json_agg(json_build_object('position', s.position, 'code', s.code, 'name', s.name, 'post', s.post,
                                    'limitWorkingDays', s.limit_working_days) ORDER BY s.position)
    FROM procedure_steps s WHERE s.tenant_id = v.tenant_id AND s.version_id = v.id), '[]'::json)`;

/** A published item with its department, published procedure and materials, in one round trip. */
const ITEM_FOR_APPLICATION_SQL = `
  SELECT i.id, i.name, i.department_id, d.name AS department_name, i.item_type, i.case_type,
         i.promised_limit_value, i.promised_limit_unit, i.legal_limit_value, i.legal_limit_unit,
         i.originals_check_required, i.originals_check_point, i.online_applicable, i.service_objects,
         i.cross_region_scope, v.id AS version_id, v.version,
         ${STEPS_JSON} AS steps,
         coalesce((
           SELECT json_agg(json_build_object('code', m.code, 'name', m.name, 'required', m.required,
                                             'originalCount', m.original_count, 'copyCount', m.copy_count,
                                             'deferrable', m.deferral_allowed, 'commitmentAllowed', m.commitment_allowed,
                                             'sampleDocumentId', m.sample_document_id) ORDER BY m.ordering, m.code)
             FROM material_requirements m WHERE m.tenant_id = i.tenant_id AND m.item_id = i.id), '[]'::json) AS materials
    FROM items i
    JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
    JOIN procedure_versions v ON v.tenant_id = i.tenant_id AND v.item_id = i.id AND v.status = 'published'
   WHERE i.tenant_id = $1 AND i.id = $2 AND i.status = 'published'`;

const PROCEDURE_VERSION_SQL = `
  SELECT v.id AS version_id, v.version, v.status, ${STEPS_JSON} AS steps
    FROM procedure_versions v
   WHERE v.tenant_id = $1 AND v.id = $2`;

interface ItemRow {
  id: string;
  name: string;
  department_id: string;
  department_name: string;
  item_type: ItemForApplication['itemTypeCode'];
  case_type: ItemForApplication['caseType'];
  promised_limit_value: number;
  promised_limit_unit: ItemForApplication['promisedLimit']['unit'];
  legal_limit_value: number;
  legal_limit_unit: ItemForApplication['legalLimit']['unit'];
  originals_check_required: boolean;
  originals_check_point: ItemForApplication['originalsCheckPoint'];
  online_applicable: boolean;
  service_objects: number[];
  cross_region_scope: ItemForApplication['crossRegionScope'];
  version_id: string;
  version: number;
  steps: PinnedProcedure['steps'];
  materials: MaterialForApplication[];
}

interface VersionRow {
  version_id: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  steps: PinnedProcedure['steps'];
}

/** Published and retired versions never change (a trigger enforces it), so they may be cached. */
const PINNED_CACHE_SIZE = 2000;

/**
 * What the approval core reads of the catalogue. Usable inside the caller's unit of work for the
 * centre (it joins it) or outside one (it opens its own).
 */
@Injectable()
export class CatalogueReader {
  private readonly pinned = new Map<string, PinnedProcedure>();

  constructor(private readonly uow: UnitOfWork) {}

  /** A published item with a published procedure, or null (unknown, draft, retired, no procedure). */
  itemForApplication(tenantId: string, itemId: string): Promise<ItemForApplication | null> {
    if (!isUuid(itemId)) return Promise.resolve(null);
    return this.uow.runForCentre(tenantId, async () => {
      const rows: ItemRow[] = await this.uow.manager({ tenantId }).query(ITEM_FOR_APPLICATION_SQL, [tenantId, itemId]);
      const row = rows[0];
      if (!row) return null;
      const procedure: PinnedProcedure = { versionId: row.version_id, version: row.version, steps: row.steps };
      this.remember(tenantId, procedure);
      return {
        id: row.id,
        name: row.name,
        departmentId: row.department_id,
        departmentName: row.department_name,
        itemTypeCode: row.item_type,
        caseType: row.case_type,
        promisedLimit: { value: row.promised_limit_value, unit: row.promised_limit_unit },
        legalLimit: { value: row.legal_limit_value, unit: row.legal_limit_unit },
        originalsCheckRequired: row.originals_check_required,
        originalsCheckPoint: row.originals_check_point,
        onlineApplicable: row.online_applicable,
        serviceObjects: row.service_objects,
        crossRegionScope: row.cross_region_scope,
        materials: row.materials,
        procedure: clone(procedure),
      };
    });
  }

  /** Any version by id (an application pins one, whatever has been published since), or null. */
  async procedureVersion(tenantId: string, versionId: string): Promise<PinnedProcedure | null> {
    if (!isUuid(versionId)) return null;
    const cached = this.pinned.get(key(tenantId, versionId));
    if (cached) {
      this.uow.assertReadableFor(tenantId);
      // Most recently used last, so the oldest entry is the one evicted.
      this.pinned.delete(key(tenantId, versionId));
      this.pinned.set(key(tenantId, versionId), cached);
      return clone(cached);
    }
    return this.uow.runForCentre(tenantId, async () => {
      const rows: VersionRow[] = await this.uow.manager({ tenantId }).query(PROCEDURE_VERSION_SQL, [tenantId, versionId]);
      const row = rows[0];
      if (!row) return null;
      const procedure: PinnedProcedure = { versionId: row.version_id, version: row.version, steps: row.steps };
      if (row.status !== 'draft') {
        this.remember(tenantId, procedure);
      }
      return clone(procedure);
    });
  }

  private remember(tenantId: string, procedure: PinnedProcedure): void {
    this.pinned.delete(key(tenantId, procedure.versionId));
    this.pinned.set(key(tenantId, procedure.versionId), procedure);
    if (this.pinned.size > PINNED_CACHE_SIZE) {
      const oldest = this.pinned.keys().next().value;
      if (oldest !== undefined) this.pinned.delete(oldest);
    }
  }
}

function key(tenantId: string, versionId: string): string {
  return `${tenantId}:${versionId.toLowerCase()}`;
}

/** Callers get their own copy: a cached procedure must not be changed through a returned one. */
function clone(procedure: PinnedProcedure): PinnedProcedure {
  return { ...procedure, steps: procedure.steps.map((step) => ({ ...step })) };
}
