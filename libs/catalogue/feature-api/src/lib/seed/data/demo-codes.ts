import { generateUscc, usccCheckCharacter } from '@zhengwu/shared/util';
import type { SeedDepartment, SeedItem } from './seed-types';

/**
 * Codes of a demo item, derived the way they are built in practice (GB/T 39554.1): the
 * implementation code is the agency's unified social credit code followed by the basic code; the
 * Sichuan local code follows the provincial pattern `511A0138000000-511602000000-000-<agency>-1-00`.
 */
export function demoItemCodes(centreCode: string, department: SeedDepartment, item: SeedItem): { implementationCode: string; localCode: string } {
  const agency = agencyCreditCode(centreCode, department.agencySerial);
  const typeChar = item.itemType === '20' ? 'G' : item.itemType.slice(1);
  return {
    implementationCode: `${agency}${item.basicCode}`,
    localCode: `51${typeChar}A${item.basicCode.slice(4, 10)}0000-${centreCode}000000-000-${agency}-1-00`,
  };
}

/** A well-formed code of category 11 (organ of state) registered in the centre's division. */
function agencyCreditCode(divisionCode: string, serial: number): string {
  const company = generateUscc({ divisionCode, serial });
  const first17 = `11${company.slice(2, 17)}`;
  return first17 + usccCheckCharacter(first17);
}
