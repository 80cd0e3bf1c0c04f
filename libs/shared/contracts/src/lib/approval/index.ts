export * from './approval-requests.dto';
export * from './approval-queries.dto';
export * from './approval-views';
export * from './rating.dto';
export * from './originals.dto';
export * from './counter-intake.dto';
export * from './hall-display.dto';
