import { Injectable } from '@nestjs/common';
import { DepartmentEntity, DepartmentRepository, WindowEntity, WindowRepository } from '@zhengwu/catalogue/data-access';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type {
  CreateDepartmentRequest,
  CreateWindowRequest,
  DepartmentView,
  UpdateDepartmentRequest,
  UpdateWindowRequest,
  WindowView,
} from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueError, isUniqueViolation } from '../catalogue-errors';
import { byId, departmentView, windowView } from '../catalogue-views';

/** Departments and windows of a centre: public lists, and a centre admin's changes (audited). */
@Injectable()
export class ManageDepartmentsService {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly windows: WindowRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  listDepartments(tenantId: string): Promise<DepartmentView[]> {
    return this.uow.run({ tenantId }, async () => (await this.departments.list(tenantId)).map(departmentView));
  }

  listWindows(tenantId: string): Promise<WindowView[]> {
    return this.uow.run({ tenantId }, async () => {
      const departments = byId(await this.departments.list(tenantId));
      return (await this.windows.list(tenantId)).map((window) => windowView(window, departments));
    });
  }

  async createDepartment(tenantId: string, request: CreateDepartmentRequest): Promise<DepartmentView> {
    const now = new Date();
    const department: DepartmentEntity = {
      tenantId,
      id: uuidv7(),
      code: request.code,
      name: request.name.trim(),
      ordering: request.ordering ?? 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.uow.run({ tenantId }, async () => {
        await this.departments.insert(tenantId, department);
        await this.audit.record(tenantId, {
          action: 'catalogue.department_created',
          subjectType: 'department',
          subjectId: department.id,
          details: { code: department.code, name: department.name },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'departments_tenant_code_key')) throw CatalogueError.DEPARTMENT_CODE_TAKEN({ code: request.code });
      throw error;
    }
    return departmentView(department);
  }

  updateDepartment(tenantId: string, departmentId: string, request: UpdateDepartmentRequest): Promise<DepartmentView> {
    return this.uow.run({ tenantId }, async () => {
      const existing = await this.departments.findById(tenantId, departmentId);
      if (!existing) throw CatalogueError.DEPARTMENT_NOT_FOUND({ departmentId });
      const changes = { name: request.name.trim(), ordering: request.ordering ?? existing.ordering, updatedAt: new Date() };
      await this.departments.update(tenantId, departmentId, changes);
      await this.audit.record(tenantId, {
        action: 'catalogue.department_updated',
        subjectType: 'department',
        subjectId: departmentId,
        details: { before: { name: existing.name, ordering: existing.ordering }, after: { name: changes.name, ordering: changes.ordering } },
      });
      return departmentView({ ...existing, ...changes });
    });
  }

  async createWindow(tenantId: string, request: CreateWindowRequest): Promise<WindowView> {
    const now = new Date();
    const window: WindowEntity = {
      tenantId,
      id: uuidv7(),
      code: request.code,
      name: request.name.trim(),
      departmentId: request.departmentId ?? null,
      location: request.location.trim(),
      serviceHours: request.serviceHours.trim(),
      createdAt: now,
      updatedAt: now,
    };
    try {
      return await this.uow.run({ tenantId }, async () => {
        const departments = await this.departmentsFor(tenantId, window.departmentId);
        await this.windows.insert(tenantId, window);
        await this.audit.record(tenantId, {
          action: 'catalogue.window_created',
          subjectType: 'window',
          subjectId: window.id,
          details: { code: window.code, name: window.name, departmentId: window.departmentId },
        });
        return windowView(window, departments);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'windows_tenant_code_key')) throw CatalogueError.WINDOW_CODE_TAKEN({ code: request.code });
      throw error;
    }
  }

  updateWindow(tenantId: string, windowId: string, request: UpdateWindowRequest): Promise<WindowView> {
    return this.uow.run({ tenantId }, async () => {
      const existing = await this.windows.findById(tenantId, windowId);
      if (!existing) throw CatalogueError.WINDOW_NOT_FOUND({ windowId });
      const changes = {
        name: request.name.trim(),
        departmentId: request.departmentId ?? null,
        location: request.location.trim(),
        serviceHours: request.serviceHours.trim(),
        updatedAt: new Date(),
      };
      const departments = await this.departmentsFor(tenantId, changes.departmentId);
      await this.windows.update(tenantId, windowId, changes);
      await this.audit.record(tenantId, {
        action: 'catalogue.window_updated',
        subjectType: 'window',
        subjectId: windowId,
        details: { name: changes.name, departmentId: changes.departmentId, location: changes.location, serviceHours: changes.serviceHours },
      });
      return windowView({ ...existing, ...changes }, departments);
    });
  }

  /** The centre's departments, after checking the one a window names is among them. */
  private async departmentsFor(tenantId: string, departmentId: string | null): Promise<Map<string, DepartmentEntity>> {
    const departments = byId(await this.departments.list(tenantId));
    if (departmentId && !departments.has(departmentId)) {
      throw CatalogueError.DEPARTMENT_UNKNOWN({ departmentId });
    }
    return departments;
  }
}
