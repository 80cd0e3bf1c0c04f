export { calendarDateInChina } from './lib/china-calendar-date.util';
export {
  birthDateOfResidentIdNumber,
  normaliseResidentIdNumber,
  residentIdCheckDigit,
  residentIdNumberProblem,
  type ResidentIdNumberProblem,
} from './lib/resident-id-number.validator';
export { normaliseUscc, usccCheckCharacter, usccProblem, type UsccProblem } from './lib/uscc.validator';
export { maskMobile, maskName, maskResidentIdNumber } from './lib/personal-data.mask';
export {
  generateResidentIdNumber,
  generateUscc,
  type ResidentIdNumberOptions,
  type UsccOptions,
} from './lib/identity-test-data.generator';
