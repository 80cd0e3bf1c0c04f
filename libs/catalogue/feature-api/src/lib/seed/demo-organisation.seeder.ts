import { Injectable } from '@nestjs/common';
import { DepartmentRepository, WindowRepository } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { DomainError } from '@zhengwu/server/core/errors';
import { CatalogueError } from '../catalogue-errors';
import { ManageDepartmentsService } from '../departments/manage-departments.service';
import type { SeedCentre } from './data/seed-types';

/** Departments and windows of a demo centre, created through the admin use cases unless present. */
@Injectable()
export class DemoOrganisationSeeder {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly departments: DepartmentRepository,
    private readonly windows: WindowRepository,
    private readonly manage: ManageDepartmentsService,
  ) {}

  /** Department ids by code. */
  async seed(centre: SeedCentre): Promise<Map<string, string>> {
    const tenantId = centre.code;
    const ids = new Map<string, string>();
    for (const [ordering, department] of centre.departments.entries()) {
      const existing = await this.uow.run({ tenantId }, () => this.departments.findByCode(tenantId, department.code));
      const id =
        existing?.id ??
        (await tolerate(CatalogueError.DEPARTMENT_CODE_TAKEN.code, () =>
          this.manage.createDepartment(tenantId, { code: department.code, name: department.name, ordering: ordering + 1 }),
        ))?.id ??
        (await this.uow.run({ tenantId }, () => this.departments.findByCode(tenantId, department.code)))?.id;
      if (!id) throw new Error(`Demo department ${department.code} of ${tenantId} could not be created`);
      ids.set(department.code, id);
    }
    for (const window of centre.windows) {
      if (await this.uow.run({ tenantId }, () => this.windows.findByCode(tenantId, window.code))) continue;
      await tolerate(CatalogueError.WINDOW_CODE_TAKEN.code, () =>
        this.manage.createWindow(tenantId, {
          code: window.code,
          name: window.name,
          departmentId: window.departmentCode ? ids.get(window.departmentCode) : null,
          location: window.location,
          serviceHours: window.serviceHours,
        }),
      );
    }
    return ids;
  }
}

/** Another replica (or test) may seed at the same moment; what it created is as good as ours. */
export async function tolerate<T>(code: string, create: () => Promise<T>): Promise<T | undefined> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof DomainError && error.code === code) return undefined;
    throw error;
  }
}
