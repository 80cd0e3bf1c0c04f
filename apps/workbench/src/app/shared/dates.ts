/** China Standard Time, for showing instants the way the centre's staff read them. */
export const CHINA_OFFSET = '+0800';
export const INSTANT_FORMAT = 'yyyy-MM-dd HH:mm';
