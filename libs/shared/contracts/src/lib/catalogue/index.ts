export * from './catalogue-codes';
export * from './department.dto';
export * from './item.dto';
export * from './material.dto';
export * from './procedure.dto';
