import { ROUTE_CONTRACTS, RouteType } from '@zhengwu/shared/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/**
 * What is wrong with a payload for its route type's contract (empty: nothing). Unknown members are
 * refused too: a field the contract does not name would travel signed but unread, so a new field
 * means a new type version.
 */
export function payloadProblems(type: RouteType, payload: unknown): string[] {
  const contract = ROUTE_CONTRACTS[type];
  if (!contract) {
    return [`no contract for route type ${type}`];
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return ['payload must be a JSON object'];
  }
  const instance = plainToInstance(contract, payload);
  const errors = validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.flatMap((error) => describe(error, ''));
}

function describe(error: ValidationError, parent: string): string[] {
  const path = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? `${parent ? `${parent}.` : ''}${message}` : `${path}: ${message}`));
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, path))];
}
