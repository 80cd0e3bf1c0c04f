import { computed, inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Permission, permissionsOfRoles, StaffRole } from '@zhengwu/shared/contracts';
import { AuthStore } from '@zhengwu/web/shared/auth';

/** The signed-in staff member's centre, posts and permissions, as signals. Call in an injection context. */
export function staffAccess() {
  const store = inject(AuthStore);
  const profile = store.staffProfile;
  const roles = computed<readonly StaffRole[]>(() => profile()?.roles ?? []);
  const permissions = computed(() => new Set(permissionsOfRoles(roles())));
  return {
    profile,
    centreCode: computed(() => profile()?.centreCode ?? ''),
    roles,
    can: (permission: Permission) => permissions().has(permission),
    holds: (role: StaffRole | string) => roles().includes(role as StaffRole),
  };
}

/**
 * Lets staff through whose posts carry the permission; others go home (the API would refuse them
 * anyway, this only spares them a page of errors). Put after `requireLogin`.
 */
export function requirePermission(permission: Permission): CanActivateFn {
  return () => {
    const roles = inject(AuthStore).staffProfile()?.roles ?? [];
    return permissionsOfRoles(roles).includes(permission) || inject(Router).createUrlTree(['/']);
  };
}
