import { Component } from '@angular/core';

@Component({
  selector: 'zw-web-shared-auth',
  imports: [],
  templateUrl: './web-shared-auth.html',
  styleUrl: './web-shared-auth.css'
})
export class WebSharedAuth {}
