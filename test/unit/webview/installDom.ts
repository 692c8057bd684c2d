/// <reference types="node" />
// lit-html takes the global `document` when its module is first evaluated (it builds its template
// walker there). Under mocha there is none, so this module, imported before the webview code, gives
// it one for good; each test still mounts the app in a fresh page of its own.
import { JSDOM } from 'jsdom';

const globals = globalThis as { document?: Document };
globals.document ??= new JSDOM('<!DOCTYPE html>').window.document as unknown as Document;
