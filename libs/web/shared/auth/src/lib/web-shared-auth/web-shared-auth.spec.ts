import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebSharedAuth } from './web-shared-auth';

describe('WebSharedAuth', () => {
  let component: WebSharedAuth;
  let fixture: ComponentFixture<WebSharedAuth>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebSharedAuth]
    }).compileComponents();

    fixture = TestBed.createComponent(WebSharedAuth);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
