import { TestBed } from '@angular/core/testing';
import { newIdempotencyKey, SubmitIntents } from './submit-intents';

describe('SubmitIntents', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({});
  });

  it('gives a double click and a retry the same key', () => {
    const intents = TestBed.inject(SubmitIntents);
    const first = intents.keyFor('app-1', 3);
    expect(intents.keyFor('app-1', 3)).toBe(first);
    expect(intents.keyFor('app-1', 3)).toBe(first);
  });

  it('keeps the key across a reload of the page (a new service, same tab)', () => {
    const key = TestBed.inject(SubmitIntents).keyFor('app-1', 3);
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    expect(TestBed.inject(SubmitIntents).keyFor('app-1', 3)).toBe(key);
  });

  it('starts a new intent after a success, and for another version or application', () => {
    const intents = TestBed.inject(SubmitIntents);
    const first = intents.keyFor('app-1', 3);
    expect(intents.keyFor('app-2', 3)).not.toBe(first);
    intents.settle('app-1');
    const afterSuccess = intents.keyFor('app-1', 3);
    expect(afterSuccess).not.toBe(first);
    // Returned with a notice: the application moved on to version 5, so the resubmission is new.
    expect(intents.keyFor('app-1', 5)).not.toBe(afterSuccess);
  });

  it('still works when storage refuses', () => {
    const intents = TestBed.inject(SubmitIntents);
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    const key = intents.keyFor('app-9', 1);
    expect(intents.keyFor('app-9', 1)).toBe(key);
    setItem.mockRestore();
  });
});

describe('newIdempotencyKey', () => {
  it('is 32 hex characters accepted by the server, different each time', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
