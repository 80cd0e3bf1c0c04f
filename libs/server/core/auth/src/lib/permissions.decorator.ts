import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Permission } from '@zhengwu/shared/contracts';

export const PERMISSION_KEY = 'zhengwu:permission';
export const PUBLIC_KEY = 'zhengwu:public';
export const CENTRE_PARAM_KEY = 'zhengwu:centre-param';

/** The one permission a handler requires. Every handler declares this or `@Public()`. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** Explicitly open to anyone, with a reason for reviewers (e.g. "login", "health probe"). */
export const Public = (_reason: string) => SetMetadata(PUBLIC_KEY, true);

/**
 * The route addresses a centre in its path (`/centres/:centreCode/...`). The centre must be hosted
 * here; a staff token must belong to that very centre; for applicants it becomes the request's tenant.
 */
export const CentreInPath = (param = 'centreCode') => applyDecorators(SetMetadata(CENTRE_PARAM_KEY, param));
