export * from './civil-date.validator';
export * from './calendar.dto';
