import { registerDecorator, type ValidationOptions } from 'class-validator';

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` in the years 2000–2099 the platform works in. */
export function isCivilDateString(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2099) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCivilDateString(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCivilDateString',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date YYYY-MM-DD between 2000 and 2099`, ...options },
      validator: { validate: isCivilDateString },
    });
}
