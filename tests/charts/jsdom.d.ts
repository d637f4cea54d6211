/** The part of jsdom's API the chart tests use (the project has jsdom but not @types/jsdom). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
