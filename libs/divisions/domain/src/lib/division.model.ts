/**
 * NBS calls the second level "prefecture" (地级); we call it `city` because the API, the
 * deployment selectors (`level:city`) and the DOMAIN document do; 18 of Sichuan's 21 are cities, the
 * other three autonomous prefectures (自治州).
 */
export type DivisionLevel = 'province' | 'city' | 'county';

/** One GB/T 2260 administrative division, current or replaced. */
export interface Division {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /** 12-digit NBS statistical code (the 6-digit code followed by six zeros at these levels). */
  code12: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  /** First day in force (`YYYY-MM-DD`); {@link IN_FORCE_BEFORE_RECORDS} if from before our records. */
  validFrom: string;
  /** First day no longer in force (exclusive), or null if current. */
  validTo: string | null;
  /** The division that took over on `validTo`. */
  successorCode: string | null;
}

/**
 * `validFrom` of divisions that were in force before this system's records begin. 1980 is the
 * year of the first edition of GB 2260; the date means "since before our records", not a real
 * establishment date.
 */
export const IN_FORCE_BEFORE_RECORDS = '1980-01-01';
