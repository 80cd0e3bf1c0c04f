export * from './lib/entities/department.entity';
export * from './lib/entities/window.entity';
export * from './lib/entities/item.entity';
export * from './lib/entities/sample-document.entity';
export * from './lib/entities/material-requirement.entity';
export * from './lib/entities/procedure-version.entity';
export * from './lib/entities/procedure-step.entity';
export * from './lib/repositories/department.repository';
export * from './lib/repositories/window.repository';
export * from './lib/repositories/item.repository';
export * from './lib/repositories/material-requirement.repository';
export * from './lib/repositories/sample-document.repository';
export * from './lib/repositories/procedure.repository';
export * from './lib/catalogue-reader';
export * from './lib/catalogue-data-access.module';
export * from './lib/catalogue-schema';
// The shapes the approval core reads, from the domain where they are defined.
export type { ItemForApplication, MaterialForApplication, PinnedProcedure } from '@zhengwu/catalogue/domain';
