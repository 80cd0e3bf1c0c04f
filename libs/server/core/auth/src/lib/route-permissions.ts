import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY, PUBLIC_KEY } from './permissions.decorator';

export interface RouteAccess {
  controller: string;
  handler: string;
  path: string;
  permission: string | undefined;
  isPublic: boolean;
}

/** Every HTTP handler of the application with what it declares, for the routes-have-permissions test. */
export function listRouteAccess(app: INestApplication): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const targets = [handler, instance.constructor];
      routes.push({
        controller: instance.constructor.name,
        handler: name,
        path: `${String(Reflect.getMetadata(PATH_METADATA, instance.constructor) ?? '')}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`,
        permission: reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets),
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
      });
    }
  }
  return routes;
}
