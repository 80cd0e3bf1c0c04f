import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageSwitchComponent } from '../language-switch/language-switch.component';

/**
 * Page frame shared by the portal and the workbench: skip link, toolbar (app name, navigation
 * projected with the `zwShellNav` attribute, language switch, user menu), `<main>` and footer.
 * Knows nothing about sessions: the app passes the user's name and handles `logout`.
 */
@Component({
  selector: 'zw-app-shell',
  imports: [MatToolbarModule, MatButtonModule, MatMenuModule, RouterLink, TranslocoPipe, LanguageSwitchComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-shell.component.html',
  styleUrl: './app-shell.component.scss',
})
export class AppShellComponent {
  /** Already translated. */
  readonly appTitle = input.required<string>();
  readonly homeLink = input('/');
  /** Shown with a user menu when set; null when nobody is logged in. */
  readonly userName = input<string | null>(null);
  /** A second line in the user menu (centre, account type). */
  readonly userDetail = input<string | null>(null);
  readonly logout = output<void>();

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /**
   * A plain `#main-content` link would resolve against `<base href>` and navigate away; focusing
   * the landmark moves both keyboard and screen-reader position.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
