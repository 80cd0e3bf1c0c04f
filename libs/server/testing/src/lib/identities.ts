import { generateResidentIdNumber, generateUscc } from '@zhengwu/shared/util';
import { randomInt } from 'node:crypto';

/**
 * Fresh, valid identities for each test, so test files sharing the run's database never collide
 * (a random sequence/serial gives ~10^8 distinct values per call site).
 */
export function uniqueResidentIdNumber(divisionCode = '510981'): string {
  const year = 1950 + randomInt(0, 55);
  const month = String(randomInt(1, 13)).padStart(2, '0');
  const day = String(randomInt(1, 29)).padStart(2, '0');
  return generateResidentIdNumber({ divisionCode, birthDate: `${year}-${month}-${day}`, sequence: randomInt(0, 1000) });
}

export function uniqueUscc(divisionCode = '510981'): string {
  return generateUscc({ divisionCode, serial: randomInt(0, 100_000_000) });
}

export function uniqueMobile(): string {
  return `1${randomInt(3, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

export function uniqueUsername(prefix = 'staff'): string {
  return `${prefix}${randomInt(0, 1_000_000_000)}`;
}
