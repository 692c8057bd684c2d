import './elements.ts';
import { createApp } from './app.ts';
import type { HostApi } from './hostApi.ts';

// Provided by VS Code inside webviews; callable once per page.
declare const acquireVsCodeApi: () => HostApi;

const root = document.getElementById('app');
if (root) {
	createApp({ root, host: acquireVsCodeApi(), messageSource: window });
}
