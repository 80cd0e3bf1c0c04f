import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The sections of supervision (电子监察), on every supervision page. */
export const SUPERVISION_SECTIONS: ReadonlyArray<{ path: string; label: string; exact: boolean }> = [
  { path: '/supervision', label: 'supervision.nav.board', exact: true },
  { path: '/supervision/notices', label: 'supervision.nav.notices', exact: false },
  { path: '/supervision/accountability', label: 'supervision.nav.accountability', exact: false },
  { path: '/supervision/rectifications', label: 'supervision.nav.rectifications', exact: false },
  { path: '/supervision/statistics', label: 'supervision.nav.statistics', exact: false },
  { path: '/supervision/rollup', label: 'supervision.nav.rollup', exact: false },
  { path: '/supervision/rules', label: 'supervision.nav.rules', exact: false },
];

@Component({
  selector: 'wb-supervision-nav',
  imports: [MatButtonModule, RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="wb-button-row wb-supervision-nav" [attr.aria-label]="'supervision.nav.label' | transloco">
      @for (section of sections; track section.path) {
        <a
          mat-stroked-button
          [routerLink]="section.path"
          routerLinkActive="zw-nav-active"
          [routerLinkActiveOptions]="{ exact: section.exact }"
          ariaCurrentWhenActive="page"
          >{{ section.label | transloco }}</a
        >
      }
    </nav>
  `,
  styles: `
    .wb-supervision-nav {
      margin: 0 0 16px;
    }
    .zw-nav-active {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class SupervisionNavComponent {
  protected readonly sections = SUPERVISION_SECTIONS;
}
