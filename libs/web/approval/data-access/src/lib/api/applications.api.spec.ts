import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { applicationViewFixture } from '../testing/approval.fixtures';
import { ApplicationsApi, toUploadEvent, UploadEvent } from './applications.api';

describe('ApplicationsApi', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('uploads a material as multipart field "file" and reports progress, then the new view', () => {
    const api = TestBed.inject(ApplicationsApi);
    const events: UploadEvent[] = [];
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '申请书.pdf', { type: 'application/pdf' });
    api.uploadMaterial('510900', 'app-1', 'SQB', file).subscribe((event) => events.push(event));

    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/centres/510900/applications/app-1/materials/SQB');
    expect(request.request.method).toBe('PUT');
    expect(request.request.reportProgress).toBe(true);
    // jsdom's FormData hands back a copy of the File, so compare what the server would receive.
    const sent = (request.request.body as FormData).get('file') as File;
    expect({ name: sent.name, size: sent.size, type: sent.type }).toEqual({ name: '申请书.pdf', size: 4, type: 'application/pdf' });
    request.event({ type: HttpEventType.Sent });
    request.event({ type: HttpEventType.UploadProgress, loaded: 300, total: 1000 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 1000, total: 1000 });
    const view = applicationViewFixture();
    request.flush(view);
    expect(events).toEqual([
      { kind: 'progress', loaded: 300, total: 1000, percent: 30 },
      { kind: 'progress', loaded: 1000, total: 1000, percent: 100 },
      { kind: 'done', view },
    ]);
  });

  it('sends the idempotency key as a header on submit', () => {
    TestBed.inject(ApplicationsApi).submit('510900', 'app-1', 'k'.repeat(32)).subscribe();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/centres/510900/applications/app-1/submit');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toBe('k'.repeat(32));
  });

  it('asks the public lookup with the query code in the query string', () => {
    TestBed.inject(ApplicationsApi).publicLookup('51090020261127010000017', 'ABCD2345').subscribe();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/public/cases/51090020261127010000017?queryCode=ABCD2345');
  });
});

describe('toUploadEvent', () => {
  it('has no percentage when the browser does not know the total', () => {
    expect(toUploadEvent({ type: HttpEventType.UploadProgress, loaded: 10 })).toEqual({ kind: 'progress', loaded: 10, total: null, percent: null });
    expect(toUploadEvent({ type: HttpEventType.Sent })).toBeNull();
  });
});
