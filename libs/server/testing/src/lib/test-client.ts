import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is (for malformed-body tests and multipart uploads) instead of JSON-encoding `body`. */
  raw?: string | Buffer;
}

/** Thin HTTP client over Fastify's inject, decoding JSON responses. */
export class TestClient {
  constructor(private readonly app: NestFastifyApplication) {}

  get<T = unknown>(url: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
    return this.request<T>('GET', url, undefined, options);
  }

  post<T = unknown>(url: string, body?: unknown, options: RequestOptions = {}): Promise<TestResponse<T>> {
    return this.request<T>('POST', url, body, options);
  }

  put<T = unknown>(url: string, body?: unknown, options: RequestOptions = {}): Promise<TestResponse<T>> {
    return this.request<T>('PUT', url, body, options);
  }

  patch<T = unknown>(url: string, body?: unknown, options: RequestOptions = {}): Promise<TestResponse<T>> {
    return this.request<T>('PATCH', url, body, options);
  }

  delete<T = unknown>(url: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
    return this.request<T>('DELETE', url, undefined, options);
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', url: string, body: unknown, options: RequestOptions): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers as TestResponse['headers'],
      body: (type.includes('json') && response.body ? JSON.parse(response.body) : response.body) as T,
      text: response.body,
    };
  }
}
