/**
 * The tenant of routing records that concern no centre of this deployment: envelopes addressed to
 * a centre it does not host, or too malformed to name one. Not a GB/T 2260 code (there is no
 * division 000000), never hosted, never in a staff token: only a unit of work scoped to it
 * explicitly (an operator's) sees these rows, and row-level security applies as everywhere.
 */
export const NO_CENTRE = '000000';
