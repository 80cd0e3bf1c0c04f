import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CentresApi } from './centres.api';

describe('CentresApi', () => {
  it('fetches once for all callers, and again after a failure', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const api = TestBed.inject(CentresApi);
    const backend = TestBed.inject(HttpTestingController);

    api.list().subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/centres').flush(null, { status: 503, statusText: 'Unavailable' });

    const first = jest.fn();
    const second = jest.fn();
    api.list().subscribe(first);
    api.list().subscribe(second);
    backend.expectOne('/api/v1/centres').flush([{ code: '510000', name: '四川省', level: 'province', parentCode: null }]);
    expect(first).toHaveBeenCalledWith([expect.objectContaining({ code: '510000' })]);
    expect(second).toHaveBeenCalledTimes(1);
    backend.verify();
  });

  it('resolves a division code', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const seen = jest.fn();
    TestBed.inject(CentresApi).division('510922').subscribe(seen);
    TestBed.inject(HttpTestingController).expectOne('/api/v1/divisions/510922').flush({ code: '510922', current: { code: '510981' } });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ current: { code: '510981' } }));
  });
});
