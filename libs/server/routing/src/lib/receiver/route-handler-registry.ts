import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ROUTE_TYPES, RouteType } from '@zhengwu/shared/contracts';
import { ROUTE_HANDLER_KEY, RouteMessageHandler } from './route-handler.decorator';

/** The deployment's `@RouteHandler` classes, found among all providers at boot. */
@Injectable()
export class RouteHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<RouteType, RouteMessageHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance || typeof metatype !== 'function') continue;
      const type = this.reflector.get<RouteType | undefined>(ROUTE_HANDLER_KEY, metatype);
      if (type === undefined) continue;
      if (!ROUTE_TYPES.includes(type)) {
        throw new Error(`${metatype.name} handles unknown route type ${String(type)}`);
      }
      if (typeof (instance as Partial<RouteMessageHandler>).handle !== 'function') {
        throw new Error(`${metatype.name} is a @RouteHandler('${type}') without a handle(envelope) method`);
      }
      const existing = this.handlers.get(type);
      if (existing && existing !== instance) {
        throw new Error(`Two handlers for ${type}: ${existing.constructor.name} and ${metatype.name}`);
      }
      this.handlers.set(type, instance as RouteMessageHandler);
    }
  }

  handlerFor(type: RouteType): RouteMessageHandler | undefined {
    return this.handlers.get(type);
  }

  types(): RouteType[] {
    return [...this.handlers.keys()];
  }
}
