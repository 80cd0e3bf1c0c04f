import { Component } from '@angular/core';

@Component({
  selector: 'zw-web-shared-i18n',
  imports: [],
  templateUrl: './web-shared-i18n.html',
  styleUrl: './web-shared-i18n.css'
})
export class WebSharedI18n {}
